using CoBan.Workflow.Matters;
using CoBan.Workflow.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.BureauId, x.Status });
        b.HasIndex(x => new { x.BureauId, x.RegisteredAt });
        b.HasIndex(x => new { x.OwnerId, x.Status });
        b.HasIndex(x => new { x.Status, x.Deadline });
        b.HasIndex(x => x.ChainId);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.MatterId);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNumberSequenceConfiguration : IEntityTypeConfiguration<CaseNumberSequence>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequence> b) => b.HasKey(x => new { x.BureauId, x.Year });
}

internal sealed class JointChainConfiguration : IEntityTypeConfiguration<JointChain>
{
    public void Configure(EntityTypeBuilder<JointChain> b) => b.HasIndex(x => x.FirstCaseId);
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.HasIndex(x => x.FromCaseId);
        b.HasIndex(x => new { x.ToBureauId, x.Status });
    }
}

internal sealed class CoordinationLogConfiguration : IEntityTypeConfiguration<CoordinationLogEntry>
{
    public void Configure(EntityTypeBuilder<CoordinationLogEntry> b) => b.HasIndex(x => x.CaseId);
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.Level, x.At });
    }
}

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Code }).IsUnique();
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatterMaterialConfiguration : IEntityTypeConfiguration<MatterMaterial>
{
    public void Configure(EntityTypeBuilder<MatterMaterial> b) => b.HasIndex(x => new { x.MatterId, x.Position });
}

internal sealed class MatterChainLinkConfiguration : IEntityTypeConfiguration<MatterChainLink>
{
    public void Configure(EntityTypeBuilder<MatterChainLink> b) => b.HasIndex(x => new { x.MatterId, x.Position }).IsUnique();
}

internal sealed class DutyAssignmentConfiguration : IEntityTypeConfiguration<DutyAssignment>
{
    public void Configure(EntityTypeBuilder<DutyAssignment> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Date, x.Role });
        b.HasIndex(x => new { x.UserId, x.Date });
    }
}
