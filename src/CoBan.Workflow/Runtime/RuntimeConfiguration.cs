using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Runtime;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstance>
{
    public void Configure(EntityTypeBuilder<ProcessInstance> b)
    {
        b.IsStepRow(rank: 0);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The engine's enum is a byte; the column has always been an int (and the SQLite step-row path reads ints).
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.ProcessId).HasMaxLength(200);
        b.Property(x => x.BusinessKey).HasMaxLength(100);
        // One index for "instances of a procedure (version)": a procedure's instances are found through its versions
        // (InstanceQueries), so a start writes one entry instead of two. Not with Status: an instance that ends would
        // move its entry, one more page written by its last step.
        b.HasIndex(x => x.ProcedureVersionId);
        // Most instances have no case, business key or parent: their rows stay out of these indexes (no page to write).
        b.HasIndex(x => x.CaseId).HasFilter("\"CaseId\" IS NOT NULL");
        b.HasIndex(x => x.BusinessKey).HasFilter("\"BusinessKey\" IS NOT NULL");
        b.HasIndex(x => x.ParentInstanceId).HasFilter("\"ParentInstanceId\" IS NOT NULL");
        b.HasOne<Procedures.ProcedureVersion>().WithMany().HasForeignKey(x => x.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.HasIndex(x => new { x.Kind, x.Name, x.CorrelationKey });
        b.HasIndex(x => new { x.InstanceId, x.WaitId }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.CorrelationKey).HasMaxLength(200);
    }
}

internal sealed class ServiceJobConfiguration : IEntityTypeConfiguration<ServiceJob>
{
    public void Configure(EntityTypeBuilder<ServiceJob> b)
    {
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.InstanceId, x.CallId }).IsUnique();
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.HasIndex(x => new { x.InstanceId, x.ResolvedAt });
    }
}
