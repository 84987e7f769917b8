using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Tasks;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.IsStepRow(rank: 1);
        b.HasIndex(x => new { x.InstanceId, x.TaskId }).IsUnique();
        // The task lists. Status leads no index: completing a task would then move its entry in every one of them,
        // a page written for each on every completion. The queues index open tasks only, and a task leaves them once.
        b.HasIndex(x => new { x.AssigneeId, x.Status }).HasFilter("\"AssigneeId\" IS NOT NULL");
        // Status leads this one only so that SQLite can search it: the group list's OR (candidate bureau or candidate
        // users) leaves it no other column to search on. Every entry has Status 0; an entry is removed, never moved.
        // Only a task someone can claim is queued: one with no assignee and no candidates is in no one's group list.
        b.HasIndex(x => new { x.Status, x.CandidateBureauId }, "IX_WorkTask_GroupQueue")
            .HasFilter(TaskQueries.GroupQueueFilter);
        b.HasIndex(x => x.BureauId, "IX_WorkTask_BureauQueue").HasFilter("\"Status\" = 0");
        b.HasIndex(x => x.CaseId).HasFilter("\"CaseId\" IS NOT NULL");
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
