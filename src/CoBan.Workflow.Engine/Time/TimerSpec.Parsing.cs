using System.Globalization;

namespace CoBan.Workflow.Engine.Time;

public sealed partial class TimerSpec
{
    private const string CycleExamples = "R3/PT10H、R/P1WD、R5/2026-01-01T09:00+08:00/P1D、R/PT1H/2026-12-31T00:00Z、0 0 9 ? * MON-FRI";
    private const string CycleExamplesEn = "R3/PT10H, R/P1WD, R5/2026-01-01T09:00+08:00/P1D, R/PT1H/2026-12-31T00:00Z, 0 0 9 ? * MON-FRI";

    /// <summary>
    /// Reads a timer definition. <paramref name="kind"/> comes from the BPMN element (timeDuration → Duration,
    /// timeDate → Date, timeCycle → Cycle); a timeCycle holding a cron expression becomes <see cref="TimerKind.Cron"/>.
    /// </summary>
    /// <exception cref="TimeFormatException">The value is not valid for the kind; the message quotes it.</exception>
    public static TimerSpec Parse(TimerKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        // Expressions (Camunda ${...}, JUEL #{...}) are the engine's to evaluate first; reading one here is a bug upstream.
        if (value.Contains("${", StringComparison.Ordinal) || value.Contains("#{", StringComparison.Ordinal))
            throw new TimeFormatException(value, "是表达式，须先求值再作为计时器读取", "is an expression; evaluate it before reading it as a timer");
        return kind switch
        {
            TimerKind.Duration => new TimerSpec(kind, value, duration: Delay(value)),
            TimerKind.Date => new TimerSpec(kind, value, date: IsoInstant.Parse(value)),
            TimerKind.Cron => new TimerSpec(kind, value, cron: CronSchedule.Parse(value)),
            TimerKind.Cycle => ParseCycle(value),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static TimerSpec ParseCycle(string text)
    {
        if (!text.StartsWith('R'))
        {
            if (text.Any(char.IsWhiteSpace))
                return new TimerSpec(TimerKind.Cron, text, cron: CronSchedule.Parse(text));
            throw new TimeFormatException(text, $"既不是 ISO 8601 重复周期，也不是 cron 表达式（示例：{CycleExamples}）",
                $"is neither an ISO 8601 repeating interval nor a Quartz cron expression (examples: {CycleExamplesEn})");
        }

        var parts = text.Split('/');
        if (parts.Length is not (2 or 3))
            throw new TimeFormatException(text, $"重复周期须为 R[次数]/周期，或带开始或结束时间（示例：{CycleExamples}）",
                $"is not a repeating interval: expected R[n]/period with an optional start or end (examples: {CycleExamplesEn})");
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                throw new TimeFormatException(text, $"中的“{parts[0]}”不是有效的重复次数（R、R3）", $"has '{parts[0]}', which is not a repetition count (R, R3)");
            repetitions = n;
        }

        return Within(text, () =>
        {
            if (parts.Length == 2)
                return new TimerSpec(TimerKind.Cycle, text, duration: Period(parts[1]), repetitions: repetitions);
            if (LooksLikeDuration(parts[1]))
                return new TimerSpec(TimerKind.Cycle, text, duration: Period(parts[1]), repetitions: repetitions, end: IsoInstant.Parse(parts[2]));
            var start = IsoInstant.Parse(parts[1]);
            if (!LooksLikeDuration(parts[2]))
                throw new TimeFormatException(text, "的“开始/结束”形式不受支持，请写“开始/周期”（例如 R5/2026-01-01T09:00+08:00/P1D）",
                    "uses the start/end form, which is not supported; write start/period (e.g. R5/2026-01-01T09:00+08:00/P1D)");
            return new TimerSpec(TimerKind.Cycle, text, duration: Period(parts[2]), date: start, repetitions: repetitions);
        });
    }

    private static bool LooksLikeDuration(string part) => part.StartsWith('P') || part.StartsWith("-P", StringComparison.Ordinal);

    private static IsoDuration Delay(string text)
    {
        var duration = IsoDuration.Parse(text);
        if (duration.IsNegative)
            throw new TimeFormatException(text, "为负：计时器不能在过去触发", "is negative: a timer cannot wait a negative time");
        return duration;
    }

    private static IsoDuration Period(string text)
    {
        var period = Delay(text);
        // A zero period would fire for ever at one instant.
        if (period == default)
            throw new TimeFormatException(text, "为零：重复周期须大于零", "is zero: a repeating period must be longer than zero");
        return period;
    }

    /// <summary>Reports an error in one part of a cycle against the whole text the process owner wrote.</summary>
    private static TimerSpec Within(string text, Func<TimerSpec> parse)
    {
        try
        {
            return parse();
        }
        catch (TimeFormatException e) when (e.Value != text)
        {
            throw new TimeFormatException(text, $"中的“{e.Value}”{e.ReasonZh}", $"contains '{e.Value}', which {e.ReasonEn}");
        }
    }
}
