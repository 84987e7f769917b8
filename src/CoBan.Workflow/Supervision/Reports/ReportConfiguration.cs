using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Supervision;

internal sealed class SupervisionReportConfiguration : IEntityTypeConfiguration<SupervisionReport>
{
    public void Configure(EntityTypeBuilder<SupervisionReport> b)
    {
        b.HasIndex(x => new { x.Kind, x.PeriodKey, x.ScopeBureauId, x.Revision }).IsUnique();
        b.HasIndex(x => new { x.ScopeBureauId, x.GeneratedAt });
        b.Property(x => x.PeriodKey).HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Trigger).HasMaxLength(10);
        b.HasOne<Bureau>().WithMany().HasForeignKey(x => x.ScopeBureauId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportScheduleStateConfiguration : IEntityTypeConfiguration<ReportScheduleState>
{
    public void Configure(EntityTypeBuilder<ReportScheduleState> b)
    {
        b.HasKey(x => x.Kind);
        b.Property(x => x.Cron).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.HasIndex(x => new { x.CaseId, x.Status });
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Resolution).HasMaxLength(2000);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.Property(x => x.ClosedByName).HasMaxLength(100);
        b.Property(x => x.RowVersion).IsConcurrencyToken();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
