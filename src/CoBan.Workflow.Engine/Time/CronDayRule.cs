namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// Which days of a month a cron expression selects. Quartz lets exactly one of day-of-month and
/// day-of-week choose (the other is <c>?</c>), so one rule per schedule is enough.
/// Quartz numbers weekdays 1 = Sunday … 7 = Saturday.
/// </summary>
internal abstract record CronDayRule
{
    /// <summary>Bit d set (1 ≤ d ≤ days in month) when day d of the month matches.</summary>
    public abstract uint DaysIn(int year, int month);

    protected static int QuartzWeekday(int year, int month, int day) => (int)new DateTime(year, month, day).DayOfWeek + 1;

    protected static uint Bit(int day) => 1u << day;

    /// <summary>A set of days of the month: <c>*</c>, <c>1,15</c>, <c>1-10</c>, <c>1/5</c>.</summary>
    public sealed record MonthDays(uint Mask) : CronDayRule
    {
        public override uint DaysIn(int year, int month) => Mask & ((2u << DateTime.DaysInMonth(year, month)) - 2);
    }

    /// <summary><c>L</c> (last day) or <c>L-n</c> (n days before the last day).</summary>
    public sealed record LastDay(int DaysBefore) : CronDayRule
    {
        public override uint DaysIn(int year, int month)
        {
            var day = DateTime.DaysInMonth(year, month) - DaysBefore;
            return day >= 1 ? Bit(day) : 0;
        }
    }

    /// <summary><c>LW</c>: the last Monday-to-Friday of the month.</summary>
    public sealed record LastWeekday : CronDayRule
    {
        public override uint DaysIn(int year, int month)
        {
            var day = DateTime.DaysInMonth(year, month);
            while (QuartzWeekday(year, month, day) is 1 or 7) day--;
            return Bit(day);
        }
    }

    /// <summary><c>15W</c>: the Monday-to-Friday nearest day 15, never leaving the month.</summary>
    public sealed record NearestWeekday(int Day) : CronDayRule
    {
        public override uint DaysIn(int year, int month)
        {
            var last = DateTime.DaysInMonth(year, month);
            if (Day > last) return 0;
            return QuartzWeekday(year, month, Day) switch
            {
                7 => Bit(Day == 1 ? 3 : Day - 1),    // Saturday: Friday before, or Monday the 3rd
                1 => Bit(Day == last ? Day - 2 : Day + 1), // Sunday: Monday after, or the Friday before
                _ => Bit(Day),
            };
        }
    }

    /// <summary>A set of weekdays: <c>MON-FRI</c>, <c>1,7</c>.</summary>
    public sealed record Weekdays(uint Mask) : CronDayRule
    {
        public override uint DaysIn(int year, int month)
        {
            var last = DateTime.DaysInMonth(year, month);
            var weekday = QuartzWeekday(year, month, 1);
            uint days = 0;
            for (var day = 1; day <= last; day++, weekday = weekday == 7 ? 1 : weekday + 1)
                if ((Mask & (1u << weekday)) != 0) days |= Bit(day);
            return days;
        }
    }

    /// <summary><c>6L</c>: the last Friday of the month.</summary>
    public sealed record LastOfWeekday(int Weekday) : CronDayRule
    {
        public override uint DaysIn(int year, int month)
        {
            var day = DateTime.DaysInMonth(year, month);
            while (QuartzWeekday(year, month, day) != Weekday) day--;
            return Bit(day);
        }
    }

    /// <summary><c>6#3</c>: the third Friday of the month (none in a month without one).</summary>
    public sealed record NthWeekday(int Weekday, int Nth) : CronDayRule
    {
        public override uint DaysIn(int year, int month)
        {
            var first = 1 + (Weekday - QuartzWeekday(year, month, 1) + 7) % 7;
            var day = first + 7 * (Nth - 1);
            return day <= DateTime.DaysInMonth(year, month) ? Bit(day) : 0;
        }
    }
}
