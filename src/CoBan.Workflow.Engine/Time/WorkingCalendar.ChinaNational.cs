using System.Reflection;

namespace CoBan.Workflow.Engine.Time;

public sealed partial class WorkingCalendar
{
    private const string ResourcePrefix = "CoBan.Calendars.cn-";

    private static readonly Lazy<WorkingCalendar> ChinaNationalCalendar = new(LoadChinaNational);

    /// <summary>
    /// The national calendar for the years this release ships (Time/Calendars/cn-YYYY.json, from the
    /// State Council notices quoted in DOMAIN.md), in +08:00 with no overrides. Later years are
    /// loaded by an administrator at run time with <see cref="WithYear"/>; no new release is needed.
    /// </summary>
    public static WorkingCalendar ChinaNational => ChinaNationalCalendar.Value;

    private static WorkingCalendar LoadChinaNational()
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        var years = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => HolidayCnFormat.Parse(ReadResource(assembly, name)));
        return new WorkingCalendar(years);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded calendar {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
