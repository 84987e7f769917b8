using System.Globalization;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>How numbers look in the results files: stable, rounded, invariant culture.</summary>
public static class Numbers
{
    /// <summary>Rounding for the JSON: enough digits to compare runs, not so many that noise looks like data.</summary>
    public static double Tidy(double value) =>
        double.IsFinite(value) ? Math.Abs(value) >= 1000 ? Math.Round(value, 1) : Math.Round(value, 4) : value;

    /// <summary>For people: thousands separators on large numbers, a few decimals on small ones.</summary>
    public static string Text(double value)
    {
        var abs = Math.Abs(value);
        var format = abs >= 100 || value == Math.Floor(value) ? "N0" : abs >= 10 ? "N1" : "0.###";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }
}
