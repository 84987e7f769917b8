using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Tasks;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.HasIndex(x => new { x.InstanceId, x.TaskId }).IsUnique();
        b.HasIndex(x => new { x.Status, x.AssigneeId });
        b.HasIndex(x => new { x.Status, x.BureauId });
        b.HasIndex(x => new { x.Status, x.Due });
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.ElementId).HasMaxLength(200);
    }
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> b)
    {
        b.HasIndex(x => x.WorkTaskId);
        b.Property(x => x.Text).HasMaxLength(4000);
    }
}
