using System.Globalization;

namespace CoBan.Workflow.Web.Supervision;

/// <summary>
/// The arithmetic of the server-drawn SVG charts: a round top for the value axis (1, 2 or 5 times a
/// power of ten) with its grid steps, and which category labels fit under the axis. Kept apart from
/// the markup so it can be tested without rendering.
/// </summary>
public static class ChartScale
{
    /// <summary>The smallest "round" number ≥ <paramref name="max"/> and the step of its grid lines (4 or 5 of them).</summary>
    public static (double Top, double Step) Axis(double max)
    {
        if (max <= 0) return (4, 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1.0, 2, 2.5, 5, 10 })
        {
            var top = m * magnitude;
            if (top < max) continue;
            // Counts are whole: never a grid step below 1.
            var step = Math.Max(1, top / (m is 2.5 or 5 ? 5 : 4));
            return (Math.Ceiling(top / step) * step, step);
        }
        return (10 * magnitude, 2 * magnitude);
    }

    /// <summary>Show every n-th category label so that at most <paramref name="room"/> are written (the first always).</summary>
    public static int LabelEvery(int count, int room) => count <= room ? 1 : (int)Math.Ceiling(count / (double)room);

    /// <summary>SVG coordinates are written with a dot whatever the server's culture.</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
