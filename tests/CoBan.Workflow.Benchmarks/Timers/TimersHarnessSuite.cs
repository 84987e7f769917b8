using System.Text.Json.Nodes;
using CoBan.Workflow.Benchmarks.Harness;

namespace CoBan.Workflow.Benchmarks.Timers;

/// <summary>
/// Issue 4's scale figures in the common harness: runs <see cref="TimersSuite"/> (which has its own
/// options and detailed report) into a scratch folder and reports its figures with the targets.
/// </summary>
public sealed class TimersHarnessSuite : Suite
{
    public override string Name => "timers";

    public override string Title => "Timers suite: boundary timers through the persisted service and Quartz, and a large pending-timer store";

    public override string Description =>
        "(a) 2,000 instances of `models/user-task-timer-boundary.bpmn` started together, persisted on SQLite, their PT0.01S boundary " +
        "timers stored as Quartz triggers and fired through Quartz, until all have ended at endTimedOut; in the same run bpmn-engine " +
        "runs 2,000 instances in memory (node/bench.mjs). (b) 100,000 pending deadline timers in the SQLite store: start-up time, " +
        "memory, and the time to fire 10,000 that fall due together.";

    public override SuiteReport Run(SuiteContext context)
    {
        var scratch = Directory.CreateTempSubdirectory("coban-timers-results-").FullName;
        var args = new List<string> { "--results", scratch, "--instances", (context.Options.Instances ?? 2000).ToString() };
        if (context.Options.SkipNode) args.AddRange(["--bpmn-engine", "skip"]);
        TimersSuite.RunAsync([.. args]).GetAwaiter().GetResult();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(scratch, "timers.json")))!.AsObject();
        var report = new SuiteReport();
        report.Parameter("instances", context.Options.Instances ?? 2000);
        report.Parameter("machine load at the start", (string?)json["machine"]?["loadAverage"] ?? "?");
        var engine = json["bpmnEngine"] as JsonObject;
        double? engineSeconds = engine?["seconds"] is { } s ? (double)s : null;
        const string group = "(a) 2,000 boundary-timer instances, persisted, fired through Quartz";
        foreach (var run in json["boundary"]?.AsArray() ?? [])
        {
            var perUnit = (int)run!["PerUnit"]!;
            var withoutQuartz = run["WithoutQuartz"] is { } w && (bool)w;
            if (withoutQuartz) continue;
            var label = perUnit == 1 ? "each start its own transaction" : $"started {perUnit} per transaction (all at once)";
            var seconds = (double)run["Seconds"]!;
            report.Figure($"boundary.perUnit{perUnit}.seconds", group, $"CoBan wall time, {label}", seconds, "s");
            report.Figure($"boundary.perUnit{perUnit}.cpuSeconds", group, $"CoBan CPU time, {label}", (double)run["CpuSeconds"]!, "s");
            report.Figure($"boundary.perUnit{perUnit}.ratio", group, $"bpmn-engine wall ÷ CoBan wall, {label}", engineSeconds / seconds, "×",
                perUnit == 1 ? null : new Target(Comparison.AtLeast, 10, "issue 4"));
            report.Check($"boundary.perUnit{perUnit}.ends", $"every instance ended at endTimedOut ({label})",
                (int)run["TimedOut"]! == (int)run["Instances"]! && (int)run["Completed"]! == 0, $"{run["TimedOut"]} timed out, {run["Completed"]} completed");
        }
        report.Figure("boundary.bpmnEngine.seconds", group, "bpmn-engine 25.0.1 wall time (in memory)", engineSeconds, "s");
        if (json["pendingStore"] is JsonObject b)
        {
            const string store = "(b) 100,000 pending deadline timers in the SQLite store";
            report.Figure("store.startupSeconds", store, "start-up until requests are answered", (double)b["StartupSeconds"]!, "s");
            report.Figure("store.firstSyncSeconds", store, "first full trigger sync", (double)b["FirstSyncSeconds"]!, "s");
            report.Figure("store.workingSetMB", store, "working set after start-up", (double)b["WorkingSetMB"]!, "MB");
            report.Figure("store.fireSeconds", store, "10,000 due together: until the last reminder is in the outbox", (double)b["FireSeconds"]!, "s");
            report.Figure("store.firedPerSecond", store, "fired per second", (double)b["FiredPerSecond"]!, "/s");
        }
        report.Exhibits.Add(new Exhibit("timers.detail", "The timers suite's own report", "markdown", File.ReadAllText(Path.Combine(scratch, "timers.md"))));
        report.Raw.Add(new("timers", json));
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        return report;
    }
}
