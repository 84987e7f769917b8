using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Runtime;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstance>
{
    public void Configure(EntityTypeBuilder<ProcessInstance> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ProcessId).HasMaxLength(200);
        b.Property(x => x.BusinessKey).HasMaxLength(100);
        b.HasIndex(x => new { x.ProcedureId, x.Status });
        b.HasIndex(x => x.ProcedureVersionId);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.BusinessKey);
        b.HasIndex(x => x.ParentInstanceId);
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
