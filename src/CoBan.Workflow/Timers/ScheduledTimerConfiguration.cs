using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Timers;

internal sealed class ScheduledTimerConfiguration : IEntityTypeConfiguration<ScheduledTimer>
{
    public void Configure(EntityTypeBuilder<ScheduledTimer> b)
    {
        b.HasIndex(x => new { x.Status, x.DueAt });
        b.HasIndex(x => new { x.InstanceId, x.TimerId });
        b.HasIndex(x => x.WorkTaskId);
        b.HasIndex(x => x.DeadlineId);
        b.HasIndex(x => x.CaseId);
        // One row per occurrence of a start event: two nodes reconciling at once cannot both create it.
        // Other timers have no version (NULL), and NULLs never collide in a unique index.
        b.HasIndex(x => new { x.ProcedureVersionId, x.ElementId, x.Occurrence }).IsUnique();
        b.Property(x => x.ElementId).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.LastError).HasMaxLength(1000);
    }
}
