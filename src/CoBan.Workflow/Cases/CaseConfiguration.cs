using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
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
        b.HasIndex(x => x.SourceCaseId);
        b.HasIndex(x => x.ForwardedToBureauId);
        b.Property(x => x.Number).HasMaxLength(40);
        b.Property(x => x.MatterName).HasMaxLength(200);
        b.Property(x => x.ApplicantName).HasMaxLength(200);
        b.Property(x => x.ApplicantIdNumber).HasMaxLength(40);
        b.Property(x => x.ContactPerson).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.PhoneDigits).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Result).HasMaxLength(4000);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasOne<Bureaus.Bureau>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Matter>().WithMany().HasForeignKey(x => x.MatterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
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
        b.HasIndex(x => x.ReceivingCaseId);
        b.HasIndex(x => new { x.ToBureauId, x.Status });
        b.Property(x => x.Reasons).HasMaxLength(4000);
    }
}

internal sealed class CoordinationLogConfiguration : IEntityTypeConfiguration<CoordinationLogEntry>
{
    public void Configure(EntityTypeBuilder<CoordinationLogEntry> b)
    {
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.At);
        b.Property(x => x.ReplyMethod).HasMaxLength(20);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        // One evaluation per service (国办发〔2019〕51号).
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.Level, x.At });
        b.Property(x => x.Source).HasMaxLength(10);
        b.Property(x => x.Comment).HasMaxLength(2000);
    }
}

internal sealed class CaseSpecialProcedureConfiguration : IEntityTypeConfiguration<CaseSpecialProcedure>
{
    public void Configure(EntityTypeBuilder<CaseSpecialProcedure> b)
    {
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.Kind).HasMaxLength(20);
    }
}
