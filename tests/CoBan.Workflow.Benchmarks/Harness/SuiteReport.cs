using System.Text.Json.Nodes;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>What a suite found. The writer keeps the order in which things were added.</summary>
public sealed class SuiteReport
{
    public List<KeyValuePair<string, string>> Parameters { get; } = [];
    public List<Figure> Figures { get; } = [];
    public List<Check> Checks { get; } = [];
    public List<Series> Series { get; } = [];
    public List<Exhibit> Exhibits { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Output of external tools, kept whole (null when the tool was not run); the keys are fixed by the suite.</summary>
    public List<KeyValuePair<string, JsonNode?>> Raw { get; } = [];

    public bool Passed => Checks.All(c => c.Passed != false) && Figures.All(f => f.Status != FigureStatus.Fail);

    public void Parameter(string name, object value) => Parameters.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public Figure Figure(string id, string group, string label, double? value, string unit, Target? target = null, string? note = null)
    {
        var figure = new Figure(id, group, label, value is { } v ? Numbers.Tidy(v) : null, unit, target, note);
        Figures.Add(figure);
        return figure;
    }

    public void Check(string id, string label, bool? passed, string detail) => Checks.Add(new Check(id, label, passed, detail));
}
