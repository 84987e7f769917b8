using System.Globalization;

namespace CoBan.Workflow.Web.Supervision;

/// <summary>
/// The arithmetic of the server-drawn SVG charts: a round top for the value axis (1, 2 or 5 times a
/// power of ten) with its grid steps, and which category labels fit under the axis. Kept apart from
/// the markup so it can be tested without rendering.
/// </summary>
public static class ChartScale
{
    /// <summary>
    /// The top of the value axis and its grid step: the smallest step of 1, 2 or 5 (2.5 from 10 on) times a
    /// power of ten that reaches <paramref name="max"/> in at most five steps. Counts are whole, so never
    /// a step below 1; an empty chart still gets an axis of four.
    /// </summary>
    public static (double Top, double Step) Axis(double max)
    {
        if (max <= 0) return (4, 1);
        for (var magnitude = 1.0; ; magnitude *= 10)
            foreach (var m in magnitude >= 10 ? new[] { 1.0, 2, 2.5, 5 } : [1.0, 2, 5])
            {
                var step = m * magnitude;
                var steps = Math.Ceiling(max / step);
                if (steps <= 5) return (steps * step, step);
            }
    }

    /// <summary>Show every n-th category label so that at most <paramref name="room"/> are written (the first always).</summary>
    public static int LabelEvery(int count, int room) => count <= room ? 1 : (int)Math.Ceiling(count / (double)room);

    /// <summary>SVG coordinates are written with a dot whatever the server's culture.</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
