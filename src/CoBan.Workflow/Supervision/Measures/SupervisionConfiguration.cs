using CoBan.Workflow.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Supervision;

internal sealed class CaseDurationConfiguration : IEntityTypeConfiguration<CaseDuration>
{
    public void Configure(EntityTypeBuilder<CaseDuration> b)
    {
        b.HasKey(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The indexes the figures need on the cases feature's tables, declared here (EF merges several
/// configurations of one entity) so that every period filter is an index range: registration,
/// end and one-time notice times of cases, transfer and chain times, reply times, evaluation times.
/// </summary>
internal sealed class SupervisionCaseIndexes : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasIndex(x => x.RegisteredAt);
        b.HasIndex(x => x.CompletedAt);
        b.HasIndex(x => x.MissingNoticeAt);
        // The daily check's "fell due yesterday" and "due today", whatever the status.
        b.HasIndex(x => x.Deadline);
    }
}

internal sealed class SupervisionTransferIndexes : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b) => b.HasIndex(x => x.SentAt);
}

internal sealed class SupervisionChainIndexes : IEntityTypeConfiguration<JointChain>
{
    public void Configure(EntityTypeBuilder<JointChain> b) => b.HasIndex(x => x.CompletedAt);
}

internal sealed class SupervisionLogIndexes : IEntityTypeConfiguration<CoordinationLogEntry>
{
    public void Configure(EntityTypeBuilder<CoordinationLogEntry> b) => b.HasIndex(x => x.ReplyAt);
}

internal sealed class SupervisionEvaluationIndexes : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b) => b.HasIndex(x => x.At);
}
