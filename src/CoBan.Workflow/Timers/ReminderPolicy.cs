using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Timers;

/// <summary>
/// How a deadline is watched: remind N working days before, alert the duty leader when due, the supervisor M working days later.
/// <paramref name="Hours"/>: the working hours alerts go out in (the bureau's posted hours, else <see cref="ReminderOptions.Opens"/> to
/// <see cref="ReminderOptions.Closes"/>); null: <see cref="OfficeHours"/>.
/// </summary>
public sealed record ReminderPolicy(int? RemindBeforeWorkingDays, int EscalateAfterWorkingDays, TimeOnly Hour, bool RepeatDaily, ServiceHours? Hours = null)
{
    /// <summary>Office hours when neither the bureau nor the configuration says otherwise.</summary>
    public static readonly ServiceHours OfficeHours = new(new TimeOnly(8, 30), new TimeOnly(17, 30));

    public static ReminderPolicy From(ReminderOptions o) => new(o.RemindBeforeWorkingDays, Math.Max(0, o.EscalateAfterWorkingDays), o.Hour, o.RepeatDaily, o.OfficeHours);

    /// <summary>
    /// Reads coban:remindBefore / coban:escalateAfter (e.g. "P1WD"). They count working days; "P1D" is read as one
    /// working day too, since every limit here is in working days. Null when absent or not a whole number of days.
    /// </summary>
    public static int? WorkingDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !IsoDuration.TryParse(text.Trim(), out var d) || d.IsNegative) return null;
        if (d.Years != 0 || d.Months != 0 || d.Hours != 0 || d.Minutes != 0 || d.Seconds != 0) return null;
        return d.WorkingDays + d.Days + 5 * d.Weeks;
    }
}
