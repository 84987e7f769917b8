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
    }
}
