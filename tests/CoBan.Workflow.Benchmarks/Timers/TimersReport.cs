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
        md.AppendLine("Run: `dotnet run -c Release --project tests/CoBan.Workflow.Benchmarks/Timers/Runner` (see TimersSuite.cs for options).");
        md.AppendLine();
        if (report["boundary"] is JsonObject a)
        {
            md.AppendLine("## (a) 2,000 instances of user-task-timer-boundary.bpmn (PT0.01S boundary timer)");
            md.AppendLine();
            md.AppendLine($"CoBan: the service in-process on a fresh SQLite file (after a warm-up of {a["Warmup"]} instances of the same model); every instance started by " +
                          ((int)a["PerUnit"]! == 1 ? "its own unit of work (one transaction, as an API call would)" : $"units of work of {a["PerUnit"]} instances") +
                          $", {a["Parallelism"]} at a time; each boundary timer persisted as a row, scheduled as a Quartz trigger in the same SQLite file and fired by Quartz; " +
                          "every step journaled. Done when every instance has ended. bpmn-engine: node/bench.mjs, 2,000 engines in memory started at once, nothing persisted.");
            md.AppendLine();
            md.AppendLine("| | wall s | CPU s | ended at endTimedOut | ended at endCompleted |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            md.AppendLine($"| CoBan (persisted, Quartz) | {N(a["Seconds"])} | {N(a["CpuSeconds"])} | {a["TimedOut"]} | {a["Completed"]} |");
            if (report["bpmnEngine"] is JsonObject e && e["seconds"] is not null)
            {
                md.AppendLine($"| {e["engine"]} (in memory) | {N(e["seconds"])} | {N(e["cpuSeconds"])} | {e["timedOut"]} | {e["completed"]} |");
                var ratio = (double)e["seconds"]! / (double)a["Seconds"]!;
                var cpuRatio = (double)e["cpuSeconds"]! / (double)a["CpuSeconds"]!;
                md.AppendLine();
                md.AppendLine($"CoBan finishes **{ratio.ToString("0.0", CultureInfo.InvariantCulture)}×** sooner (wall; CPU {cpuRatio.ToString("0.0", CultureInfo.InvariantCulture)}×). Target: ≥ 10×.");
            }
            else if (report["bpmnEngine"] is JsonObject failed)
            {
                md.AppendLine();
                md.AppendLine($"bpmn-engine was not measured in this run: {failed["error"]}");
            }
            md.AppendLine();
            md.AppendLine($"All {a["Instances"]} starts had committed after {N(a["StartSeconds"])} s; {a["FiredTimers"]} timer rows fired. Warm-up ({a["Warmup"]} instances) took {N(a["WarmupSeconds"])} s.");
            md.AppendLine();
        }
        if (report["pendingStore"] is JsonObject b)
        {
            md.AppendLine($"## (b) {b["Pending"]} pending deadline timers in the SQLite store");
            md.AppendLine();
            md.AppendLine($"{b["Pending"]} open deadlines with one reminder each, every reminder a pending row with its Quartz trigger ({b["QuartzTriggers"]} triggers found after the restart). " +
                          $"The service is stopped and started again on them; then the clock (injected, shifted rather than waited for) reaches the instant {b["DueTogether"]} of them fall due together.");
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
