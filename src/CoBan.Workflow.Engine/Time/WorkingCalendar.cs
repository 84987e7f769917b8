namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// The official working-day calendar (DOMAIN.md, "Numbers the software must honour"): Monday to
/// Friday work, weekends off, public holidays off and adjusted working weekends (调休) on, as each
/// year's State Council notice sets them, plus local <see cref="CalendarOverride"/>s. Immutable:
/// loading a year or adding an override makes a new calendar, so a calendar shared between
/// threads never changes under a computation.
/// A year without a loaded notice is counted <b>provisionally</b> (<see cref="IsProvisional"/>): weekends
/// off plus the statutory holidays and their 补假 (<see cref="StatutoryHolidays.ProvisionalYear"/>), never
/// plain weekdays and never a guessed 调休, with the overrides applied as for a loaded year. Deadlines
/// counted on it say so and are recomputed when the notice is loaded. Only a year the law's lunar
/// calendar does not cover (before 1902, after 2100), or any year of a calendar made with
/// <c>provisionalYears: false</c>, throws <see cref="CalendarYearUnknownException"/>.
/// </summary>
public sealed partial class WorkingCalendar : IWorkingDays
{
    /// <summary>China Standard Time. China has had no daylight saving since 1991, so a fixed offset is exact.</summary>
    public static readonly TimeSpan ChinaStandardOffset = TimeSpan.FromHours(8);

    private readonly SortedDictionary<int, CalendarYear> _years;
    private readonly CalendarOverride[] _overrides;
    private readonly YearMask?[] _masks; // indexed by year - _firstYear; null where no data
    private readonly int _firstYear;
    private readonly bool _provisionalYears;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, YearMask> _provisionalMasks = new();

    /// <param name="years">Year data; when a year appears twice the later one wins.</param>
    /// <param name="overrides">Local overrides in the order they were decided; the later wins for one date.
    /// An override for a year without data is kept (and applies once the year is loaded) but does not make the year known.</param>
    /// <param name="utcOffset">The calendar's fixed UTC offset; default +08:00.</param>
    /// <param name="provisionalYears">Count a year without data provisionally (the default); false makes such a year unknown.</param>
    public WorkingCalendar(IEnumerable<CalendarYear> years, IEnumerable<CalendarOverride>? overrides = null, TimeSpan? utcOffset = null, bool provisionalYears = true)
    {
        _provisionalYears = provisionalYears;
        var offset = utcOffset ?? ChinaStandardOffset;
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
            throw new ArgumentOutOfRangeException(nameof(utcOffset), offset, "UTC 偏移须为整分钟且在 ±14 小时内 / the UTC offset must be whole minutes within ±14 hours");
        UtcOffset = offset;

        _years = new SortedDictionary<int, CalendarYear>();
        foreach (var year in years)
            _years[year.Year] = year;
        _overrides = overrides?.ToArray() ?? [];
        Years = _years.Keys.ToArray();

        _firstYear = Years.Count == 0 ? 0 : Years[0];
        _masks = Years.Count == 0 ? [] : new YearMask?[Years[^1] - _firstYear + 1];
        foreach (var (number, data) in _years)
            _masks[number - _firstYear] = new YearMask(data, _overrides);
    }

    public TimeSpan UtcOffset { get; }

    /// <summary>The years with data, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<CalendarOverride> Overrides => _overrides;

    /// <summary>Whether the year's notice is loaded (not provisional).</summary>
    public bool HasYear(int year) => _years.ContainsKey(year);

    /// <summary>Whether days of <paramref name="year"/> are counted on the statutory holidays alone, pending the notice.</summary>
    public bool IsProvisional(int year) => _provisionalYears && !_years.ContainsKey(year) && StatutoryHolidays.Covers(year);

    /// <summary>Whether this calendar counts years without data provisionally.</summary>
    public bool CountsProvisionalYears => _provisionalYears;

    /// <summary>The days the calendar counts for <paramref name="year"/>: the loaded notice, else the provisional year.</summary>
    public bool TryGetCountedYear(int year, out CalendarYear data, out bool provisional)
    {
        provisional = false;
        if (_years.TryGetValue(year, out data!)) return true;
        if (!IsProvisional(year)) return false;
        provisional = true;
        data = StatutoryHolidays.ProvisionalYear(year);
        return true;
    }

    public bool TryGetYear(int year, out CalendarYear data) => _years.TryGetValue(year, out data!);

    /// <summary>A new calendar with <paramref name="year"/> added, or replacing the data for the same year; overrides are kept.</summary>
    public WorkingCalendar WithYear(CalendarYear year) => new(_years.Values.Append(year), _overrides, UtcOffset, _provisionalYears);

    /// <summary>The same calendar with years without data unknown (they throw) instead of provisional.</summary>
    public WorkingCalendar WithoutProvisionalYears() => new(_years.Values, _overrides, UtcOffset, provisionalYears: false);

    /// <summary>A new calendar with <paramref name="overrides"/> appended after the existing ones (so they win).</summary>
    public WorkingCalendar WithOverrides(params IEnumerable<CalendarOverride> overrides) =>
        new(_years.Values, _overrides.Concat(overrides), UtcOffset, _provisionalYears);

    public bool IsWorkingDay(DateOnly localDate) => MaskForYear(localDate.Year).IsWorking(localDate.DayNumber);

    /// <summary>Whether the local date (in <see cref="UtcOffset"/>) of <paramref name="instant"/> is a working day.</summary>
    public bool IsWorkingDay(DateTimeOffset instant) => IsWorkingDay(LocalDate(instant));

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    public DateTimeOffset AtLocalTime(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), UtcOffset);

    /// <summary>
    /// Adds <paramref name="days"/> working days, keeping the local time of day. Counting starts on the
    /// day after the start's local date, as Chinese law counts periods (民法典 Art. 201: the starting day
    /// is not counted), so +1 from any day, working or not, is the next working day; −1 is the previous one.
    /// The result is expressed in <see cref="UtcOffset"/>.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var local = start.ToOffset(UtcOffset);
        var from = DateOnly.FromDateTime(local.DateTime);
        return local.AddDays(AddWorkingDays(from, days).DayNumber - from.DayNumber);
    }

    /// <inheritdoc cref="AddWorkingDays(DateTimeOffset, int)"/>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = days > 0 ? 1 : -1;
        var remaining = Math.Abs((long)days);
        var dayNumber = start.DayNumber;
        YearMask? mask = null;
        while (remaining > 0)
        {
            dayNumber += step;
            if (mask is null || !mask.Contains(dayNumber))
                mask = MaskForDay(dayNumber);
            if (mask.IsWorking(dayNumber))
                remaining--;
        }
        return DateOnly.FromDayNumber(dayNumber);
    }

    /// <summary>
    /// Working days after <paramref name="from"/>'s local date up to and including <paramref name="to"/>'s,
    /// negative when <paramref name="to"/> is earlier. The inverse of <see cref="AddWorkingDays(DateTimeOffset, int)"/>
    /// for a positive count.
    /// </summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) => WorkingDaysBetween(LocalDate(from), LocalDate(to));

    /// <inheritdoc cref="WorkingDaysBetween(DateTimeOffset, DateTimeOffset)"/>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        to > from ? CountWorking(from.DayNumber + 1, to.DayNumber)
        : to < from ? -CountWorking(to.DayNumber + 1, from.DayNumber)
        : 0;

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => AddWorkingDays(date, -1);

    private int CountWorking(int fromDayNumber, int toDayNumber)
    {
        var count = 0;
        for (var first = fromDayNumber; first <= toDayNumber;)
        {
            var mask = MaskForDay(first);
            var last = Math.Min(toDayNumber, mask.LastDayNumber);
            count += mask.CountWorking(first, last);
            first = last + 1;
        }
        return count;
    }

    private YearMask MaskForDay(int dayNumber)
    {
        if (dayNumber < DateOnly.MinValue.DayNumber) throw new CalendarYearUnknownException(0);
        if (dayNumber > DateOnly.MaxValue.DayNumber) throw new CalendarYearUnknownException(10000);
        return MaskForYear(DateOnly.FromDayNumber(dayNumber).Year);
    }

    private YearMask MaskForYear(int year)
    {
        var index = year - _firstYear;
        if ((uint)index < (uint)_masks.Length && _masks[index] is { } mask)
            return mask;
        if (IsProvisional(year))
            return _provisionalMasks.GetOrAdd(year, y => new YearMask(StatutoryHolidays.ProvisionalYear(y), _overrides));
        throw new CalendarYearUnknownException(year);
    }
}
