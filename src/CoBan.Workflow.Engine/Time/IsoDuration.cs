using System.Globalization;
using System.Text;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// An ISO 8601 duration (<c>P1Y2M3W4DT5H6M7.5S</c>, optional leading <c>-</c>) extended with working
/// days, <c>P5WD</c> or <c>P2WDT4H</c> (docs/coban-extensions.md): the unit that Chinese time limits are
/// set in (行政许可法 Art. 82). Fractions are allowed on seconds only (<c>PT0.01S</c> is 10 ms), as in
/// the BPMN models the corpus holds; they are kept to 100 ns. Working days cannot be mixed with years,
/// months, weeks or days, because no rule says which of them would be counted first.
/// </summary>
public readonly record struct IsoDuration
{
    public IsoDuration(int years = 0, int months = 0, int weeks = 0, int days = 0, int hours = 0, int minutes = 0,
        decimal seconds = 0, int workingDays = 0, bool negative = false)
    {
        if (years < 0 || months < 0 || weeks < 0 || days < 0 || hours < 0 || minutes < 0 || seconds < 0 || workingDays < 0)
            throw new ArgumentOutOfRangeException(null, "时长的各部分不能为负，负时长用 negative / duration parts cannot be negative; use negative");
        if (workingDays != 0 && (years | months | weeks | days) != 0)
            throw new ArgumentException("工作日（WD）不能与年、月、周、日混用 / working days (WD) cannot be combined with years, months, weeks or days");
        Years = years;
        Months = months;
        Weeks = weeks;
        Days = days;
        Hours = hours;
        Minutes = minutes;
        Seconds = Math.Round(seconds, 7, MidpointRounding.AwayFromZero);
        WorkingDays = workingDays;
        // −PT0S is PT0S: one zero, so equality and round-trips agree.
        IsNegative = negative && !(years == 0 && months == 0 && weeks == 0 && days == 0 && hours == 0 && minutes == 0 && Seconds == 0 && workingDays == 0);
    }

    public bool IsNegative { get; }
    public int Years { get; }
    public int Months { get; }
    public int Weeks { get; }
    public int Days { get; }
    public int WorkingDays { get; }
    public int Hours { get; }
    public int Minutes { get; }
    public decimal Seconds { get; }

    /// <summary>Whether adding it needs a working-day calendar.</summary>
    public bool UsesWorkingDays => WorkingDays != 0;

    /// <summary>The exact length when it has one: no years, months or working days (days are 24 h: the offsets are fixed).</summary>
    public TimeSpan? FixedLength =>
        Years != 0 || Months != 0 || WorkingDays != 0 ? null
        : TimeSpan.FromTicks(Sign * checked((Weeks * 7L + Days) * TimeSpan.TicksPerDay + TimeTicks));

    public static IsoDuration FromWorkingDays(int workingDays) =>
        new(workingDays: Math.Abs(workingDays), negative: workingDays < 0);

    public static IsoDuration Parse(string text) =>
        IsoDurationParser.TryParse(text, out var value, out var zh, out var en) ? value : throw new TimeFormatException(text, zh, en);

    public static bool TryParse(string? text, out IsoDuration value) =>
        IsoDurationParser.TryParse(text ?? "", out value, out _, out _);

    public IsoDuration Negate() => new(Years, Months, Weeks, Days, Hours, Minutes, Seconds, WorkingDays, !IsNegative);

    /// <summary>
    /// Adds the duration: working days first (on <paramref name="calendar"/>, time of day kept), then years
    /// and months as calendar months in local time (2026-01-31 + P1M = 2026-02-28), then weeks and days,
    /// then the time part as elapsed time. Local time is the calendar's offset, or the start's without a
    /// calendar; the result carries that offset. A negative duration subtracts each part in the same order.
    /// </summary>
    /// <exception cref="InvalidOperationException">Working days without a calendar.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start, IWorkingDays? calendar = null)
    {
        var local = start.ToOffset(calendar?.UtcOffset ?? start.Offset);
        if (WorkingDays != 0)
        {
            if (calendar is null)
                throw new InvalidOperationException(
                    $"时长 {this} 以工作日计，需要工作日历 / the duration {this} counts working days and needs a working-day calendar");
            local = calendar.AddWorkingDays(local, Sign * WorkingDays);
        }
        var months = checked(Years * 12 + Months);
        if (months != 0) local = local.AddMonths(Sign * months);
        var days = checked(Weeks * 7 + Days);
        if (days != 0) local = local.AddDays(Sign * days);
        return local.AddTicks(Sign * TimeTicks);
    }

    public override string ToString()
    {
        var text = new StringBuilder(IsNegative ? "-P" : "P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (WorkingDays != 0) text.Append(WorkingDays.ToString(CultureInfo.InvariantCulture)).Append("WD");
        if (Hours != 0 || Minutes != 0 || Seconds != 0 || text.Length <= 2)
        {
            text.Append('T');
            Append(text, Hours, 'H');
            Append(text, Minutes, 'M');
            if (Seconds != 0 || (Hours == 0 && Minutes == 0))
                text.Append(Seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
        }
        return text.ToString();
    }

    /// <summary>This duration taken <paramref name="times"/> times, part by part (for the k-th repetition of a cycle).</summary>
    internal IsoDuration Times(int times) => checked(new(Years * times, Months * times, Weeks * times, Days * times,
        Hours * times, Minutes * times, Seconds * times, WorkingDays * times, IsNegative));

    private int Sign => IsNegative ? -1 : 1;

    private long TimeTicks => checked(Hours * TimeSpan.TicksPerHour + Minutes * TimeSpan.TicksPerMinute
        + (long)(Seconds * TimeSpan.TicksPerSecond));

    private static void Append(StringBuilder text, int value, char designator)
    {
        if (value != 0) text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
    }
}
