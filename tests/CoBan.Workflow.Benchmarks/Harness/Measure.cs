using System.Diagnostics;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>
/// One measured run. CPU time is the whole process's (user + system, every thread: the GC's and the
/// JIT's included), the same definition as Node's process.cpuUsage(); on a shared machine it moves
/// much less than wall time. Allocations are the measuring thread's.
/// </summary>
public readonly record struct Sample(double WallSeconds, double CpuSeconds, long AllocatedBytes, int Gen0, int Gen1, int Gen2);

public static class Measure
{
    /// <summary>Runs <paramref name="body"/> once after a full collection, so runs start from the same heap.</summary>
    public static Sample Once(Action body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();

        body();

        var wall = Stopwatch.GetElapsedTime(started);
        var cpuEnd = Environment.CpuUsage.TotalTime;
        var allocatedEnd = GC.GetAllocatedBytesForCurrentThread();
        return new Sample(wall.TotalSeconds, (cpuEnd - cpu).TotalSeconds, allocatedEnd - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    /// <summary>Runs <paramref name="body"/> <paramref name="runs"/> times; the series keeps every run.</summary>
    public static Series Repeat(string id, string label, int instances, int runs, Action body, Action<string>? log = null)
    {
        var samples = new List<Sample>(runs);
        for (var r = 0; r < runs; r++)
        {
            var sample = Once(body);
            samples.Add(sample);
            log?.Invoke($"{id} run {r + 1}/{runs}: {instances / sample.WallSeconds:N0}/s wall, {instances / sample.CpuSeconds:N0}/s CPU, " +
                        $"{sample.AllocatedBytes / (double)instances:N0} B/instance");
        }
        return new Series(id, label, instances, samples);
    }

    /// <summary>Keeps running <paramref name="body"/> until it has run at least this long, so the JIT has tiered up (and PGO has seen the hot path).</summary>
    public static int WarmUp(Action body, TimeSpan atLeast, int minimumRounds = 3)
    {
        var started = Stopwatch.GetTimestamp();
        var rounds = 0;
        while (rounds < minimumRounds || Stopwatch.GetElapsedTime(started) < atLeast)
        {
            body();
            rounds++;
        }
        return rounds;
    }
}

/// <summary>Every run of one measurement; the figures take the best (least disturbed) run.</summary>
public sealed record Series(string Id, string Label, int Instances, IReadOnlyList<Sample> Runs)
{
    public double BestWallSeconds => Runs.Min(r => r.WallSeconds);
    public double BestCpuSeconds => Runs.Min(r => r.CpuSeconds);
    public double PerSecondWall => Instances / BestWallSeconds;
    public double PerSecondCpu => Instances / BestCpuSeconds;
    public double MicrosecondsPerInstanceCpu => BestCpuSeconds * 1e6 / Instances;
    /// <summary>The same in every run once warm; the minimum leaves out one-off allocations (a tier-up, a resize).</summary>
    public double AllocatedBytesPerInstance => Runs.Min(r => r.AllocatedBytes) / (double)Instances;
}
