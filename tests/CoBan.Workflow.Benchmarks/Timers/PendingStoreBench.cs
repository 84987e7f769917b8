using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CoBan.Workflow.Benchmarks.Timers;

/// <summary>
/// (b) N pending deadline timers (reminders of N open deadlines) in the SQLite store, each with its Quartz trigger:
/// how long the service, started in a fresh process, takes to start on them (until it answers, and until its first
/// timer sync has checked every row against every trigger), the memory it then holds, and how long it takes, once M of them fall due at
/// the same instant, until all M reminders are in the outbox. The clock is shifted, not waited for.
/// </summary>
public static class PendingStoreBench
{
    public sealed record Result(int Pending, int DueTogether, double SetupSeconds, double StartupSeconds, double FirstSyncSeconds, long QuartzTriggers,
        double WorkingSetMB, double ManagedHeapMB, double FireSeconds, double FiredPerSecond, int Notices, double CpuSecondsFiring);

    public static async Task<Result> RunAsync(string folder, int pending, int dueTogether, Action<string> log)
    {
        var clock = new ShiftedClock();
        var t0 = clock.GetUtcNow();
        var together = t0.AddDays(1);
        var setup = Stopwatch.StartNew();
        await using (var service = await BenchService.StartAsync(folder, clock))
        {
            log($"inserting {pending} deadlines with their reminders");
            await InsertAsync(service, pending, dueTogether, t0, together);
            log("scheduling their Quartz triggers");
            await ScheduleAllAsync(service);
        }
        setup.Stop();
        log($"set-up took {setup.Elapsed.TotalSeconds:0} s; restarting on {pending} pending timers in a fresh process");

        // A fresh process, so that start-up time and memory are the service's on these rows, not this set-up's.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--phase", "b-restart", "--folder", folder, "--pending", pending.ToString(CultureInfo.InvariantCulture),
                     "--together", dueTogether.ToString(CultureInfo.InvariantCulture), "--together-at", together.UtcTicks.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"the restart process failed with exit code {child.ExitCode}");
        var result = JsonSerializer.Deserialize<Result>(output.Trim().Split('\n')[^1])!;
        return result with { SetupSeconds = setup.Elapsed.TotalSeconds };
    }

    /// <summary>The measured half, in its own process: start on the stored rows, sync, then the instant M fall due.</summary>
    public static async Task<Result> RestartAsync(string folder, int pending, int dueTogether, DateTimeOffset together, Action<string> log)
    {
        var clock = new ShiftedClock();
        var startWatch = Stopwatch.StartNew();
        await using var restarted = await BenchService.StartAsync(folder, clock);
        var startup = startWatch.Elapsed;
        var sync = restarted.Services.GetRequiredService<TimerSync>();
        while (sync.LastSync is null) await Task.Delay(10);
        var firstSync = startWatch.Elapsed;
        var scheduler = await restarted.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(QuartzTimerScheduler.Group), Take = 0, IncludeTotalCount = true })).TotalCount ?? -1;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
        var workingSet = Process.GetCurrentProcess().WorkingSet64 / 1e6;
        log($"started in {startup.TotalSeconds:0.0} s, first sync after {firstSync.TotalSeconds:0.0} s; {triggers} triggers; {workingSet:0} MB; shifting the clock to the {dueTogether} due together");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var fire = Stopwatch.StartNew();
        clock.Shift(together - clock.GetUtcNow() + TimeSpan.FromMilliseconds(1));
        int notices;
        while (true)
        {
            using (var scope = restarted.Services.CreateScope())
                notices = await scope.ServiceProvider.GetRequiredService<CoBanDbContext>().Set<Notice>().CountAsync();
            if (notices >= dueTogether) break;
            if (fire.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"only {notices} of {dueTogether} reminders went out in 10 minutes");
            await Task.Delay(50);
        }
        var fireTime = fire.Elapsed;
        var cpuFiring = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Result(pending, dueTogether, 0, startup.TotalSeconds, firstSync.TotalSeconds, triggers, workingSet, heap,
            fireTime.TotalSeconds, dueTogether / fireTime.TotalSeconds, notices, cpuFiring.TotalSeconds);
    }

    /// <summary>Open deadlines (holder kind "bench", no holder adapter) each with one reminder; the first M fall due together.</summary>
    private static async Task InsertAsync(BenchService service, int pending, int dueTogether, DateTimeOffset t0, DateTimeOffset together)
    {
        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var bureau = await db.Set<Bureaus.Bureau>().Where(b => b.Code == "BZ-SCJG").Select(b => b.Id).FirstAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int chunk = 5_000;
        for (var first = 0; first < pending; first += chunk)
        {
            var deadlines = new List<Deadline>();
            for (var i = first; i < Math.Min(pending, first + chunk); i++)
            {
                var remindAt = i < dueTogether ? together : t0.AddDays(2).AddMinutes(i);
                deadlines.Add(new Deadline
                {
                    HolderKind = "bench", HolderId = i, BureauId = bureau, Title = $"基准期限 {i}", StartedAt = t0, DueAt = remindAt.AddDays(1), OriginalDueAt = remindAt.AddDays(1),
                    RemindBeforeWorkingDays = 1, EscalateAfterWorkingDays = 2, Status = DeadlineStatus.Open, CreatedAt = t0,
                });
            }
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AddRange(deadlines);
            await db.SaveChangesAsync();
            db.AddRange(deadlines.Select(d => new ScheduledTimer
            {
                Purpose = TimerPurpose.Reminder, Action = ReminderActions.Reminder, DeadlineId = d.Id, BureauId = bureau, DueAt = d.DueAt.AddDays(-1), BasisDueAt = d.DueAt,
                Occurrence = 1, Status = TimerStatus.Pending, CreatedAt = t0, Description = "基准提醒",
            }));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static async Task ScheduleAllAsync(BenchService service)
    {
        var scheduler = service.Services.GetRequiredService<ITimerScheduler>();
        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var rows = await db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Pending).ToListAsync();
        foreach (var chunk in rows.Chunk(10_000)) await scheduler.ScheduleAsync(chunk, default);
    }
}
