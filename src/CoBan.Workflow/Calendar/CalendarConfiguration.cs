using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoBan.Workflow.Calendar;

internal sealed class StoredCalendarYearConfiguration : IEntityTypeConfiguration<StoredCalendarYear>
{
    public void Configure(EntityTypeBuilder<StoredCalendarYear> b)
    {
        b.HasIndex(x => x.Year).IsUnique();
        b.Property(x => x.Source).HasMaxLength(20);
    }
}

internal sealed class CalendarOverrideEntryConfiguration : IEntityTypeConfiguration<CalendarOverrideEntry>
{
    public void Configure(EntityTypeBuilder<CalendarOverrideEntry> b)
    {
        b.HasIndex(x => new { x.BureauId, x.Date });
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.RevokeReason).HasMaxLength(200);
    }
}

internal sealed class CalendarRevisionConfiguration : IEntityTypeConfiguration<CalendarRevision>
{
    public void Configure(EntityTypeBuilder<CalendarRevision> b) => b.Property(x => x.Id).ValueGeneratedNever();
}
