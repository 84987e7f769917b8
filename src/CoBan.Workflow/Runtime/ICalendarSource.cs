using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Runtime;

/// <summary>The working-day calendar a bureau's deadlines are counted on (national data plus its overrides).</summary>
public interface ICalendarSource
{
    ValueTask<IWorkingDays> ForBureauAsync(CoBanDbContext db, long bureauId, CancellationToken ct);
}

/// <summary>The national calendar shipped with the engine; replaced by the calendar feature's database-backed source.</summary>
public sealed class NationalCalendarSource : ICalendarSource
{
    public ValueTask<IWorkingDays> ForBureauAsync(CoBanDbContext db, long bureauId, CancellationToken ct) =>
        ValueTask.FromResult<IWorkingDays>(WorkingCalendar.ChinaNational);
}
