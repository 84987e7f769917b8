using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Benchmarks.Timers;

/// <summary>
/// The timers suite (issue 4, "Scale"): (a) 2,000 boundary-timer instances through the persisted service and
/// Quartz against bpmn-engine in memory; (b) 100,000 pending deadline timers in the SQLite store.
/// Entry point: <see cref="RunAsync"/>; options: <c>--instances 2000 --parallel 2 --per-unit 1,50 --warmup 500 --pending 100000
/// --together 10000 --bpmn-engine run|skip --compare-without-quartz --discard-first true|false --only a|b --results DIR</c>, or <c>--render results/timers.json</c> to rewrite its .md. Writes results/timers.md and results/timers.json.
/// </summary>
public static class TimersSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        if (options.GetValueOrDefault("render") is { } rendered)
        {
            // Re-writes the .md of a stored result (after a change of the report's text).
            var stored = JsonNode.Parse(await File.ReadAllTextAsync(rendered))!.AsObject();
            await File.WriteAllTextAsync(Path.ChangeExtension(rendered, ".md"), TimersReport.Markdown(stored));
            return 0;
        }
        if (options.GetValueOrDefault("phase") == "b-restart")
        {
            // The second half of (b), started by PendingStoreBench in a process of its own; one JSON line on stdout.
            var restart = await PendingStoreBench.RestartAsync(options["folder"], Int(options, "pending", 0), Int(options, "together", 0),
                new DateTimeOffset(long.Parse(options["together-at"], CultureInfo.InvariantCulture), TimeSpan.Zero),
                m => Console.Error.WriteLine($"[timers {DateTime.Now:HH:mm:ss}] {m}"));
            Console.WriteLine(JsonSerializer.Serialize(restart));
            return 0;
        }
        var project = ProjectDirectory();
        var results = options.GetValueOrDefault("results") ?? Path.Combine(project, "results");
        var instances = Int(options, "instances", 2000);
        var parallel = Int(options, "parallel", 2);
        var perUnits = (options.GetValueOrDefault("per-unit") ?? "1,50").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var warmup = Int(options, "warmup", 500);
        var pending = Int(options, "pending", 100_000);
        var together = Int(options, "together", 10_000);
        var only = options.GetValueOrDefault("only");
        var work = Path.Combine(Path.GetTempPath(), "coban-bench-timers", Guid.NewGuid().ToString("N"));
        void Log(string message) => Console.Error.WriteLine($"[timers {DateTime.Now:HH:mm:ss}] {message}");

        var report = new JsonObject
        {
            ["suite"] = "timers",
            ["measuredAt"] = DateTimeOffset.Now.ToString("o", CultureInfo.InvariantCulture),
            ["machine"] = Machine(),
        };
        try
        {
            if (only is null or "a")
            {
                var model = await File.ReadAllTextAsync(Path.Combine(project, "models", "user-task-timer-boundary.bpmn"));
                var runs = new JsonArray();
                if (options.GetValueOrDefault("discard-first") != "false")
                {
                    // The first configuration measured in a process ran on code the JIT had not optimised yet (the warm-up of a
                    // few units calls the per-unit code too rarely to tier it up) and came out 2-4× slower than the same
                    // configuration measured second. One full run first, not reported, puts every configuration in the steady state.
                    var discarded = await BoundaryBench.RunAsync(Folder(work, "a-discarded"), model, instances, parallel, perUnits[0], warmup, Log);
                    Log($"(a) discarded JIT warm-up run ({perUnits[0]} per unit): {discarded.Seconds:0.00} s, CPU {discarded.CpuSeconds:0.00} s");
                }
                foreach (var perUnit in perUnits)
                {
                    var a = await BoundaryBench.RunAsync(Folder(work, $"a{perUnit}"), model, instances, parallel, perUnit, warmup, Log);
                    Log($"(a) CoBan, {perUnit} per unit: {a.Instances} instances ended in {a.Seconds:0.00} s (all started after {a.StartSeconds:0.00} s), CPU {a.CpuSeconds:0.00} s; timed out {a.TimedOut}, completed {a.Completed}");
                    runs.Add(JsonSerializer.SerializeToNode(a));
                }
                if (options.ContainsKey("compare-without-quartz"))
                {
                    var manual = await BoundaryBench.RunAsync(Folder(work, "a-manual"), model, instances, parallel, 1, warmup, Log, withoutQuartz: true);
                    Log($"(a) CoBan without Quartz (comparison): {manual.Seconds:0.00} s, CPU {manual.CpuSeconds:0.00} s");
                    runs.Add(JsonSerializer.SerializeToNode(manual));
                }
                report["boundary"] = runs;
                if (options.GetValueOrDefault("bpmn-engine") != "skip")
                {
                    Log("(a) bpmn-engine: node bench.mjs 2 (its user-task-gateway part shortened to 2 instances)");
                    report["bpmnEngine"] = BpmnEngine(Path.Combine(project, "node"), Log);
                }
            }
            if (only is null or "b")
            {
                var b = await PendingStoreBench.RunAsync(Folder(work, "b"), pending, together, Log);
                Log($"(b) {b.Pending} pending: started in {b.StartupSeconds:0.0} s, first sync {b.FirstSyncSeconds:0.0} s, {b.WorkingSetMB:0} MB; {b.DueTogether} due together fired in {b.FireSeconds:0.0} s");
                report["pendingStore"] = JsonSerializer.SerializeToNode(b);
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }

        Directory.CreateDirectory(results);
        var json = Path.Combine(results, only is null ? "timers.json" : $"timers-{only}.json");
        await File.WriteAllTextAsync(json, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        await File.WriteAllTextAsync(Path.ChangeExtension(json, ".md"), TimersReport.Markdown(report));
        Log($"written {json} and its .md");
        return 0;
    }

    private static JsonObject BpmnEngine(string node, Action<string> log)
    {
        if (!Directory.Exists(Path.Combine(node, "node_modules")))
        {
            log("node/node_modules is missing: npm ci");
            var install = Run("npm", ["ci", "--no-audit", "--no-fund"], node, TimeSpan.FromMinutes(10));
            if (install.Code != 0) return new JsonObject { ["error"] = $"npm ci failed: {install.Err}" };
        }
        var run = Run("node", ["bench.mjs", "2"], node, TimeSpan.FromMinutes(10));
        try
        {
            var result = JsonNode.Parse(run.Out)!.AsObject();
            var timer = result["timerBoundary"]!.DeepClone().AsObject();
            timer["engine"] = $"{result["engine"]} {result["version"]} on node {result["node"]}";
            if (run.Code != 0) timer["error"] = $"node bench.mjs exited with {run.Code}";
            return timer;
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException)
        {
            return new JsonObject { ["error"] = $"node bench.mjs gave no result (exit {run.Code}): {run.Err}" };
        }
    }

    private static (int Code, string Out, string Err) Run(string file, string[] args, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout)) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static JsonObject Machine() => new()
    {
        ["processors"] = Environment.ProcessorCount,
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["loadAverage"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
    };

    private static string ProjectDirectory() =>
        typeof(TimersSuite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BenchmarkProjectDirectory")?.Value
        ?? throw new InvalidOperationException("BenchmarkProjectDirectory metadata is missing");

    private static string Folder(string work, string name) => Directory.CreateDirectory(Path.Combine(work, name)).FullName;

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        return options;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
