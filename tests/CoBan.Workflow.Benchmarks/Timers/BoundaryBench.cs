using CoBan.Workflow.Engine.Execution;
using System.Diagnostics;
using CoBan.Workflow.Data;
using CoBan.Workflow.Kernel;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Benchmarks.Timers;

/// <summary>
/// (a) user-task-timer-boundary.bpmn: N instances started at once (all issued together, <c>parallel</c> running at a
/// time; each its own unit of work, as N API calls would be, unless <c>perUnit</c> &gt; 1), persisted in SQLite, their
/// PT0.01S boundary timers stored as rows and as Quartz triggers in the same file, fired by Quartz; done when every
/// instance has ended. A warm-up of the same kind runs first, so the figures are the service's steady state rather
/// than the JIT's (bpmn-engine's run warms up on its other model first).
/// </summary>
public static class BoundaryBench
{
    public sealed record Result(int Instances, double Seconds, double StartSeconds, double CpuSeconds, int TimedOut, int Completed, long FiredTimers,
        double InstancesPerSecond, int Parallelism, int PerUnit, int Warmup, double WarmupSeconds, double StartupSeconds, bool WithoutQuartz = false);

    /// <param name="withoutQuartz">For comparison only: no Quartz; a loop in this process fires due timers every 10 ms.</param>
    public static async Task<Result> RunAsync(string folder, string modelXml, int instances, int parallelism, int perUnit, int warmup, Action<string> log, bool withoutQuartz = false)
    {
        await using var service = await BenchService.StartAsync(folder, TimeProvider.System,
            withoutQuartz ? new Dictionary<string, string?> { ["CoBan:Timers:Scheduler"] = "Manual" } : null);
        using var stop = new CancellationTokenSource();
        var poller = withoutQuartz ? PollAsync(service.Services.GetRequiredService<TimerRunner>(), stop.Token) : Task.CompletedTask;
        var (version, bureau) = await service.PublishAsync("UserTaskTimer", modelXml);
        log($"service up in {service.Startup.TotalSeconds:0.0} s; warming up with {warmup} instances");

        var warm = Stopwatch.StartNew();
        await StartAllAsync(service, version, bureau, warmup, parallelism, perUnit);
        await WaitEndedAsync(service, version.Id, warmup, TimeSpan.FromMinutes(5));
        warm.Stop();

        log($"{instances} instances at once ({parallelism} starting in parallel, {perUnit} per unit of work)");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await StartAllAsync(service, version, bureau, instances, parallelism, perUnit);
        var started = watch.Elapsed;
        await WaitEndedAsync(service, version.Id, warmup + instances, TimeSpan.FromMinutes(10));
        var wall = watch.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await stop.CancelAsync();
        await poller;

        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        // Where each instance ended, from the path it took (the journal has one row per step, not per element).
        var timedOut = await db.Set<ProcessInstance>().CountAsync(i => i.ProcedureVersionId == version.Id && i.Path.EndsWith(",endTimedOut")) - warmup;
        var completed = await db.Set<ProcessInstance>().CountAsync(i => i.ProcedureVersionId == version.Id && i.Path.EndsWith(",endCompleted"));
        var fired = await db.Set<ScheduledTimer>().CountAsync(t => t.Status == TimerStatus.Fired) - warmup;
        return new Result(instances, wall.TotalSeconds, started.TotalSeconds, cpuUsed.TotalSeconds, timedOut, completed, fired, instances / wall.TotalSeconds,
            parallelism, perUnit, warmup, warm.Elapsed.TotalSeconds, service.Startup.TotalSeconds, withoutQuartz);
    }

    private static async Task StartAllAsync(BenchService service, Procedures.ProcedureVersion version, long bureau, int count, int parallelism, int perUnit) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Chunk(Math.Max(1, perUnit)), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (chunk, ct) =>
        {
            using var scope = service.Services.CreateScope();
            var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
            if (chunk.Length == 1)
            {
                await runtime.StartAsync(version, bureau, "UserTaskTimer", null, Actor.System, ct);
                return;
            }
            await runtime.InUnitAsync(Actor.System, async unit =>
            {
                foreach (var _ in chunk) await unit.StartAsync(version, bureau, "UserTaskTimer", new CoBan.Workflow.Engine.Execution.Start(), null, null, null, ct);
                return 0;
            }, ct);
        });

    private static async Task PollAsync(TimerRunner runner, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await runner.FireDueAsync(DateTimeOffset.UtcNow, stop);
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Only this model's instances count: the demo's own instances (seeded cases) may end meanwhile too.</summary>
    private static async Task WaitEndedAsync(BenchService service, long versionId, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using (var scope = service.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
                if (await db.Set<ProcessInstance>().CountAsync(i => i.ProcedureVersionId == versionId && i.Status != InstanceStatus.Running) >= count) return;
            }
            if (watch.Elapsed > timeout) throw new TimeoutException($"not all {count} instances ended within {timeout}");
            await Task.Delay(20);
        }
    }
}
