using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Timers;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> b)
    {
        b.HasIndex(x => new { x.HolderKind, x.HolderId });
        b.HasIndex(x => new { x.Status, x.BureauId });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.HolderKind).HasMaxLength(40);
        b.Property(x => x.ElementId).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.PauseReason).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsPaused);
    }
}

internal sealed class DeadlinePauseConfiguration : IEntityTypeConfiguration<DeadlinePause>
{
    public void Configure(EntityTypeBuilder<DeadlinePause> b)
    {
        b.HasIndex(x => x.DeadlineId);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.EndReason).HasMaxLength(300);
    }
}
