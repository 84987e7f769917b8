using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Benchmarks.Timers;

/// <summary>results/timers.md from the JSON report.</summary>
public static class TimersReport
{
    public static string Markdown(JsonObject report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Timers benchmark");
        md.AppendLine();
        md.AppendLine($"Measured {report["measuredAt"]} on {report["machine"]?["processors"]} cores ({report["machine"]?["os"]}, {report["machine"]?["runtime"]}), " +
                      $"load average at the start: {report["machine"]?["loadAverage"]}. The machine is shared: wall times grow with other people's builds, CPU seconds less so.");
        md.AppendLine("Run: `dotnet run -c Release --project tests/CoBan.Workflow.Benchmarks -- timers` (TimersSuite.cs lists its own options).");
        md.AppendLine();
        if (report["boundary"] is JsonArray runs && runs.Count > 0)
        {
            var first = runs[0]!;
            md.AppendLine("## (a) 2,000 instances of user-task-timer-boundary.bpmn (PT0.01S boundary timer)");
            md.AppendLine();
            md.AppendLine($"CoBan: the service in-process on a fresh SQLite file, after a warm-up of {first["Warmup"]} instances of the same model (and, in the same process, " +
                          "one full run that is not reported, so that no configuration is measured on code the JIT has not optimised yet). The 2,000 starts are issued " +
                          $"together, {first["Parallelism"]} running at a time, either each in its own unit of work (one transaction, as 2,000 API calls would be) or in units of " +
                          "several instances. Each boundary timer is persisted as a row, scheduled as a Quartz trigger in the same SQLite file and fired through Quartz; every " +
                          "step is journaled. Done when every instance has ended. bpmn-engine: node/bench.mjs, 2,000 engines in memory started at once, nothing persisted.");
            md.AppendLine();
            md.AppendLine("| | wall s | CPU s | ended at endTimedOut | ended at endCompleted | bpmn-engine wall ÷ CoBan wall | CPU ÷ CPU |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            var engine = report["bpmnEngine"] as JsonObject;
            var hasEngine = engine?["seconds"] is not null;
            foreach (var run in runs)
            {
                var label = (int)run!["PerUnit"]! == 1 ? "CoBan, one unit of work per instance" : $"CoBan, {run["PerUnit"]} instances per unit of work";
                if (run["WithoutQuartz"] is { } w && (bool)w) label += ", for comparison without Quartz (fired by a 10 ms loop)";
                var ratio = hasEngine ? ((double)engine!["seconds"]! / (double)run["Seconds"]!).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "–";
                var cpuRatio = hasEngine ? ((double)engine!["cpuSeconds"]! / (double)run["CpuSeconds"]!).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "–";
                md.AppendLine($"| {label} (SQLite{(run["WithoutQuartz"] is { } wq && (bool)wq ? "" : ", Quartz")}) | {N(run["Seconds"])} | {N(run["CpuSeconds"])} | {run["TimedOut"]} | {run["Completed"]} | {ratio} | {cpuRatio} |");
            }
            if (hasEngine)
                md.AppendLine($"| {engine!["engine"]} (in memory) | {N(engine["seconds"])} | {N(engine["cpuSeconds"])} | {engine["timedOut"]} | {engine["completed"]} | | |");
            else if (engine is not null)
                md.AppendLine($"\nbpmn-engine was not measured in this run: {engine["error"]}");
            md.AppendLine();
            md.AppendLine("Target: CoBan ≥ 10× sooner than bpmn-engine.");
            md.AppendLine();
            md.AppendLine("Where CoBan's time goes: per instance the start writes 4 rows in one SaveChanges (the instance, already with the state of its " +
                          "first step, its journal row, the task, the timer row; the instance id is taken before the insert rather than learnt from a first " +
                          "insert), and the firing 3 (the instance's state, the task cancelled, its journal row) — the journal keeps one row per step. " +
                          "A batch of fired timers shares its queries: one conditional UPDATE … RETURNING flips up to 100 due rows to Fired, and one query " +
                          "each loads their rows, instances and open tasks. A transaction per start adds its own begin, commit (fsync) and after-commit work " +
                          "(handing the new trigger to Quartz), which is why units of several instances are much cheaper. Quartz adds its store operations " +
                          "for each trigger (stored, acquired, fired and completed, or removed when a batch fired its timer first); the row without Quartz, " +
                          "when measured, shows that share. bpmn-engine keeps everything in memory and writes nothing. Figures on this shared 2-core " +
                          "machine vary by 2–3× from run to run with the other sessions' load.");
            md.AppendLine();
        }
        if (report["pendingStore"] is JsonObject b)
        {
            md.AppendLine($"## (b) {b["Pending"]} pending deadline timers in the SQLite store");
            md.AppendLine();
            md.AppendLine($"{b["Pending"]} open deadlines with one reminder each, every reminder a pending row with its Quartz trigger ({b["QuartzTriggers"]} triggers found after the restart). " +
                          $"The service is stopped and started again on them in a fresh process; then the clock (injected, shifted rather than waited for) reaches the instant {b["DueTogether"]} of them fall due together.");
            md.AppendLine();
            md.AppendLine("| measure | value |");
            md.AppendLine("|---|---:|");
            md.AppendLine($"| start-up until the service answers (migrations check, Quartz start) | {N(b["StartupSeconds"])} s |");
            md.AppendLine($"| start-up until the first timer sync has checked every row against every trigger | {N(b["FirstSyncSeconds"])} s |");
            md.AppendLine($"| memory after start-up: process working set / managed heap | {N(b["WorkingSetMB"], "0")} MB / {N(b["ManagedHeapMB"], "0")} MB |");
            md.AppendLine($"| {b["DueTogether"]} due together: until the last reminder is in the outbox | {N(b["FireSeconds"])} s ({N(b["FiredPerSecond"], "0")} per s, {N(b["CpuSecondsFiring"])} CPU s) |");
            md.AppendLine($"| set-up (not measured: inserting rows and storing triggers) | {N(b["SetupSeconds"], "0")} s |");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string N(JsonNode? value, string format = "0.00") =>
        value is null ? "–" : ((double)value).ToString(format, CultureInfo.InvariantCulture);
}
