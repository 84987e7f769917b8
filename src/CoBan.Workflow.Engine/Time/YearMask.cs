using System.Numerics;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// One known year as a bitset over its days (bit i = the i-th day of the year is a working day).
/// Built once per calendar so that the hot paths (a deadline for every task) test a bit instead of
/// searching lists, and count working days with a population count per 64 days.
/// </summary>
internal sealed class YearMask
{
    private readonly ulong[] _working = new ulong[6]; // 6 × 64 = 384 ≥ 366 days

    public YearMask(CalendarYear data, IEnumerable<CalendarOverride> overrides)
    {
        Year = data.Year;
        FirstDayNumber = new DateOnly(Year, 1, 1).DayNumber;
        LastDayNumber = new DateOnly(Year, 12, 31).DayNumber;

        // Weekends are off unless the notice lists them as working days (DOMAIN.md, holiday calendar).
        for (var dayNumber = FirstDayNumber; dayNumber <= LastDayNumber; dayNumber++)
        {
            var weekday = DateOnly.FromDayNumber(dayNumber).DayOfWeek;
            Set(dayNumber, weekday is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        }
        foreach (var day in data.Days)
            Set(day.Date.DayNumber, !day.IsOffDay);
        // Applied in order, so the later of two overrides for one date wins.
        foreach (var o in overrides)
            if (o.Date.Year == Year)
                Set(o.Date.DayNumber, o.IsWorkingDay);
    }

    public int Year { get; }

    public int FirstDayNumber { get; }

    public int LastDayNumber { get; }

    public bool Contains(int dayNumber) => dayNumber >= FirstDayNumber && dayNumber <= LastDayNumber;

    public bool IsWorking(int dayNumber)
    {
        var i = dayNumber - FirstDayNumber;
        return (_working[i >> 6] & (1UL << (i & 63))) != 0;
    }

    /// <summary>Working days from <paramref name="fromDayNumber"/> to <paramref name="toDayNumber"/>, both inside this year and inclusive.</summary>
    public int CountWorking(int fromDayNumber, int toDayNumber)
    {
        int a = fromDayNumber - FirstDayNumber, b = toDayNumber - FirstDayNumber;
        int firstWord = a >> 6, lastWord = b >> 6, count = 0;
        for (var w = firstWord; w <= lastWord; w++)
        {
            var bits = _working[w];
            if (w == firstWord) bits &= ~0UL << (a & 63);
            if (w == lastWord) bits &= ~0UL >> (63 - (b & 63));
            count += BitOperations.PopCount(bits);
        }
        return count;
    }

    private void Set(int dayNumber, bool working)
    {
        var i = dayNumber - FirstDayNumber;
        if (working) _working[i >> 6] |= 1UL << (i & 63);
        else _working[i >> 6] &= ~(1UL << (i & 63));
    }
}
