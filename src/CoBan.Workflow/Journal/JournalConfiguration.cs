using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Journal;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.IsStepRow(rank: 2);
        b.HasIndex(x => new { x.InstanceId, x.Id });
        b.HasIndex(x => new { x.CaseId, x.Id }).HasFilter("\"CaseId\" IS NOT NULL");
        b.Property(x => x.Action).HasMaxLength(60);
        b.Property(x => x.Ip).HasMaxLength(64);
    }
}
