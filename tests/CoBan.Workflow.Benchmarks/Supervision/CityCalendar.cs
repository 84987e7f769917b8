using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>
/// Local (Beijing) time and working days for the generator. The official calendar where it has data
/// (2025, 2026); plain weekdays for the synthetic history before it, standing in for the years an
/// administrator would have loaded. Working-day numbers are precomputed, so counting is a subtraction.
/// </summary>
internal sealed class CityCalendar
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2028, 12, 31);
    private readonly int[] _ordinal;
    private readonly bool[] _working;

    public CityCalendar()
    {
        var n = Last.DayNumber - First.DayNumber + 1;
        _ordinal = new int[n];
        _working = new bool[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var date = First.AddDays(i);
            bool working;
            try { working = WorkingCalendar.ChinaNational.IsWorkingDay(date); }
            catch (CalendarYearUnknownException) { working = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday); }
            _working[i] = working;
            if (working) count++;
            _ordinal[i] = count;
        }
    }

    public bool IsWorking(DateOnly date) => _working[date.DayNumber - First.DayNumber];

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (as deadlines are counted).</summary>
    public int Between(DateOnly from, DateOnly to) => _ordinal[to.DayNumber - First.DayNumber] - _ordinal[from.DayNumber - First.DayNumber];

    public DateOnly Add(DateOnly from, int days)
    {
        var date = from;
        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (IsWorking(date)) added++;
        }
        return date;
    }

    public static DateTimeOffset At(DateOnly date, TimeSpan time) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), China).Add(time);

    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(China).DateTime);

    /// <summary>The same local time of day, <paramref name="days"/> working days later.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days) => At(Add(LocalDate(from), days), from.ToOffset(China).TimeOfDay);

    /// <summary>Closing time (17:30) of the local day, or <paramref name="at"/> when later: an immediate case's deadline.</summary>
    public static DateTimeOffset SameDay(DateTimeOffset at)
    {
        var closing = At(LocalDate(at), TimeSpan.FromHours(17.5));
        return closing > at ? closing : at;
    }
}
