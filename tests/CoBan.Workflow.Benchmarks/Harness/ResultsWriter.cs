using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>
/// Writes results/&lt;suite&gt;.json (for tools and diffs) and results/&lt;suite&gt;.md (for people).
/// Both are committed as evidence, so their shape depends only on the suite, never on the run:
/// same keys, same sections, same figure list (a figure not measured is null / "skipped").
/// </summary>
public static class ResultsWriter
{
    public const int SchemaVersion = 1;

    public sealed record Written(string JsonPath, string MarkdownPath);

    public static Written Write(string directory, Suite suite, MachineInfo machine, SuiteReport report, double? loadAtStart, double? loadAtEnd)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, suite.Name + ".json");
        var markdown = Path.Combine(directory, suite.Name + ".md");
        WriteAtomically(json, Json(suite, machine, report, loadAtStart, loadAtEnd));
        WriteAtomically(markdown, Markdown(suite, machine, report, loadAtStart, loadAtEnd));
        return new Written(json, markdown);
    }

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Json(Suite suite, MachineInfo machine, SuiteReport report, double? loadAtStart, double? loadAtEnd)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("suite", suite.Name);
            w.WriteString("title", suite.Title);
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteBoolean("passed", report.Passed);
            w.WriteString("date", machine.DateUtc);

            w.WriteStartObject("machine");
            w.WriteNumber("cores", machine.Cores);
            w.WriteString("cpu", machine.Cpu);
            w.WriteString("os", machine.Os);
            w.WriteString("dotnet", machine.Dotnet);
            w.WriteString("configuration", machine.Configuration);
            w.WriteString("gc", machine.Gc);
            w.WriteBoolean("tieredPgo", machine.TieredPgo);
            WriteStringOrNull(w, "node", machine.Node);
            WriteStringOrNull(w, "commit", machine.Commit);
            if (machine.UncommittedChanges is { } dirty) w.WriteBoolean("uncommittedChanges", dirty);
            else w.WriteNull("uncommittedChanges");
            WriteNumberOrNull(w, "loadAverage1mAtStart", loadAtStart);
            WriteNumberOrNull(w, "loadAverage1mAtEnd", loadAtEnd);
            w.WriteEndObject();

            w.WriteStartObject("parameters");
            foreach (var (name, value) in report.Parameters) w.WriteString(name, value);
            w.WriteEndObject();

            w.WriteStartArray("figures");
            foreach (var f in report.Figures)
            {
                w.WriteStartObject();
                w.WriteString("id", f.Id);
                w.WriteString("group", f.Group);
                w.WriteString("label", f.Label);
                WriteNumberOrNull(w, "value", f.Value);
                w.WriteString("unit", f.Unit);
                if (f.Target is { } t)
                {
                    w.WriteStartObject("target");
                    w.WriteString("comparison", t.Comparison == Comparison.AtLeast ? ">=" : "<=");
                    w.WriteNumber("value", t.Value);
                    WriteStringOrNull(w, "reference", t.Reference);
                    w.WriteEndObject();
                }
                else w.WriteNull("target");
                w.WriteString("status", f.Status.ToString().ToLowerInvariant());
                WriteStringOrNull(w, "note", f.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("checks");
            foreach (var c in report.Checks)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("label", c.Label);
                if (c.Passed is { } passed) w.WriteBoolean("passed", passed);
                else w.WriteNull("passed");
                w.WriteString("detail", c.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("series");
            foreach (var s in report.Series)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("label", s.Label);
                w.WriteNumber("instances", s.Instances);
                w.WriteStartArray("runs");
                foreach (var r in s.Runs)
                {
                    w.WriteStartObject();
                    w.WriteNumber("wallSeconds", Math.Round(r.WallSeconds, 4));
                    w.WriteNumber("cpuSeconds", Math.Round(r.CpuSeconds, 4));
                    w.WriteNumber("allocatedBytes", r.AllocatedBytes);
                    w.WriteNumber("gen0", r.Gen0);
                    w.WriteNumber("gen1", r.Gen1);
                    w.WriteNumber("gen2", r.Gen2);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("exhibits");
            foreach (var e in report.Exhibits)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("title", e.Title);
                w.WriteString("text", e.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("notes");
            foreach (var n in report.Notes) w.WriteStringValue(n);
            w.WriteEndArray();

            w.WriteStartObject("raw");
            foreach (var (name, node) in report.Raw)
            {
                w.WritePropertyName(name);
                if (node is null) w.WriteNullValue();
                else node.WriteTo(w);
            }
            w.WriteEndObject();

            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static string Markdown(Suite suite, MachineInfo machine, SuiteReport report, double? loadAtStart, double? loadAtEnd)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Benchmark results: {suite.Name}");
        md.AppendLine();
        md.AppendLine($"{suite.Title}. {suite.Description}");
        md.AppendLine();
        md.AppendLine("Generated by `dotnet run -c Release --project tests/CoBan.Workflow.Benchmarks -- " + suite.Name + "`; do not edit by hand.");
        md.AppendLine();
        var targets = report.Figures.Count(f => f.Target is not null);
        var missed = report.Figures.Count(f => f.Status == FigureStatus.Fail);
        var skipped = report.Figures.Count(f => f.Target is not null && f.Status == FigureStatus.Skipped);
        var failedChecks = report.Checks.Count(c => c.Passed == false);
        var skippedChecks = report.Checks.Count(c => c.Passed is null);
        md.AppendLine($"**Result: {(report.Passed ? "PASS" : "FAIL")}**: {report.Checks.Count - failedChecks - skippedChecks} of {report.Checks.Count} checks passed" +
                      $"{(skippedChecks > 0 ? $", {skippedChecks} not run" : "")}; " +
                      $"{targets - missed - skipped} of {targets} targets met{(skipped > 0 ? $", {skipped} skipped" : "")}.");
        md.AppendLine();

        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| date (UTC) | {machine.DateUtc} |");
        md.AppendLine($"| commit | {machine.Commit ?? "unknown"}{(machine.UncommittedChanges == true ? " with uncommitted changes" : "")} |");
        md.AppendLine($"| cores | {machine.Cores} ({machine.Cpu}) |");
        md.AppendLine($"| OS | {machine.Os} |");
        md.AppendLine($"| .NET | {machine.Dotnet}, {machine.Configuration}, {machine.Gc} GC, TieredPGO {(machine.TieredPgo ? "on" : "off")} |");
        md.AppendLine($"| Node | {machine.Node ?? "not found"} |");
        md.AppendLine($"| load average (1 min) at start / end | {Load(loadAtStart)} / {Load(loadAtEnd)} |");
        md.AppendLine();

        md.AppendLine("## Parameters");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        foreach (var (name, value) in report.Parameters) md.AppendLine($"| {name} | {Cell(value)} |");
        md.AppendLine();

        md.AppendLine("## Figures");
        foreach (var group in report.Figures.GroupBy(f => f.Group))
        {
            md.AppendLine();
            md.AppendLine($"### {group.Key}");
            md.AppendLine();
            md.AppendLine("| figure | value | unit | target | status |");
            md.AppendLine("|---|---:|---|---|---|");
            foreach (var f in group)
            {
                var label = f.Note is null ? f.Label : $"{f.Label} ({f.Note})";
                var target = f.Target is null ? "" : f.Target.Reference is null ? f.Target.Text : $"{f.Target.Text} ({f.Target.Reference})";
                md.AppendLine($"| {Cell(label)} | {(f.Value is { } v ? Numbers.Text(v) : "–")} | {f.Unit} | {Cell(target)} | {Status(f.Status)} |");
            }
        }
        md.AppendLine();

        md.AppendLine("## Checks");
        md.AppendLine();
        md.AppendLine("| check | result | detail |");
        md.AppendLine("|---|---|---|");
        foreach (var c in report.Checks) md.AppendLine($"| {Cell(c.Label)} | {(c.Passed switch { true => "pass", false => "**FAIL**", null => "not run" })} | {Cell(c.Detail)} |");
        md.AppendLine();

        md.AppendLine("## Runs");
        md.AppendLine();
        md.AppendLine("Every measured run (after the warm-up); the figures use the best wall and the best CPU time.");
        md.AppendLine();
        md.AppendLine("| measurement | run | instances | wall s | CPU s | per s (wall) | per s (CPU) | B/instance | GCs gen0/1/2 |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in report.Series)
            for (var i = 0; i < s.Runs.Count; i++)
            {
                var r = s.Runs[i];
                md.AppendLine($"| {Cell(s.Label)} | {i + 1} | {Numbers.Text(s.Instances)} | {r.WallSeconds:0.0000} | {r.CpuSeconds:0.0000} | " +
                              $"{Numbers.Text(s.Instances / r.WallSeconds)} | {Numbers.Text(s.Instances / r.CpuSeconds)} | " +
                              $"{Numbers.Text(r.AllocatedBytes / (double)s.Instances)} | {r.Gen0}/{r.Gen1}/{r.Gen2} |");
            }
        md.AppendLine();

        foreach (var e in report.Exhibits)
        {
            md.AppendLine($"## {e.Title}");
            md.AppendLine();
            md.AppendLine($"```{e.Language}");
            md.AppendLine(e.Text);
            md.AppendLine("```");
            md.AppendLine();
        }

        md.AppendLine("## Notes");
        md.AppendLine();
        foreach (var n in report.Notes) md.AppendLine($"- {n}");
        return md.ToString();
    }

    private static string Load(double? load) => load is { } l ? l.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    private static string Status(FigureStatus status) => status switch
    {
        FigureStatus.Pass => "pass",
        FigureStatus.Fail => "**FAIL**",
        FigureStatus.Skipped => "skipped",
        _ => "",
    };

    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
