using CoBan.Workflow.Bureaus;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Opinions;

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<OpinionEntry>
{
    public void Configure(EntityTypeBuilder<OpinionEntry> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.BureauId, x.ReceivedAt });
        b.Property(x => x.Number).HasMaxLength(60);
        b.Property(x => x.Page).HasMaxLength(Kernel.TextLimits.Name);
        b.Property(x => x.Writer).HasMaxLength(Kernel.TextLimits.Name);
        b.Property(x => x.Contact).HasMaxLength(Kernel.TextLimits.Name);
        b.Property(x => x.Content).HasMaxLength(Kernel.TextLimits.Long);
        b.Property(x => x.Answer).HasMaxLength(Kernel.TextLimits.Long);
        b.Property(x => x.RecordedById).HasMaxLength(64);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.Property(x => x.AnsweredById).HasMaxLength(64);
        b.Property(x => x.AnsweredByName).HasMaxLength(100);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasOne<Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}
