using System.Diagnostics;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// The real Quartz scheduler inside the test host, on the service's own database. Quartz reads the host's
/// TimeProvider (the manual clock), so a timer an hour away fires as soon as the test moves the clock.
/// </summary>
public sealed class QuartzTimerTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Every_pending_timer_has_a_Quartz_trigger_that_fires_it_when_the_clock_reaches_it(Db db)
    {
        await using var host = await TestHost.StartAsync(db);
        await WaitAsync(async () => (await host.Anonymous().GetAsync("/health")).IsSuccessStatusCode, "the scheduler starts");
        var id = await TimerHosts.StartAsync(host, TimerModels.Boundary("timeout-flow", "PT1H"));
        var timer = (await host.TimersAsync()).Single();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.Exists(QuartzTimerScheduler.KeyOf(timer.Id))).ShouldBeTrue("scheduled after the start committed");

        await Task.Delay(1500);
        (await host.InstanceAsync(id))["status"]!.ToString().ShouldBe("running");
        host.Clock.Advance(TimeSpan.FromHours(1));
        await WaitAsync(async () => (string?)(await host.InstanceAsync(id))["status"] == "completed", "the timer fires through Quartz");
        (await host.JournalAsync("timer.fired")).ShouldHaveSingleItem();
        await WaitAsync(async () => !await scheduler.Exists(QuartzTimerScheduler.KeyOf(timer.Id)), "a fired one-shot trigger is gone");
    }

    [Fact]
    public async Task The_sync_gives_a_pending_timer_whose_trigger_was_lost_a_new_one_and_removes_triggers_of_ended_timers()
    {
        await using var host = await TestHost.StartAsync();
        await TimerHosts.StartAsync(host, TimerModels.Boundary("timeout-flow", "PT1H"));
        await TimerHosts.StartAsync(host, TimerModels.Boundary("other-flow", "PT2H"));
        var timers = await host.TimersAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var sync = host.Services.GetRequiredService<TimerSync>();

        // As if the process died between the commit and the scheduling.
        await scheduler.UnscheduleJob(QuartzTimerScheduler.KeyOf(timers[0].Id));
        // As if it died between a cancel's commit and the unscheduling.
        await host.WithDbAsync(async d => { (await d.Set<ScheduledTimer>().FindAsync(timers[1].Id))!.Status = TimerStatus.Cancelled; return await d.SaveChangesAsync(); });

        (await sync.SyncAsync(default)).ShouldBe((1, 1));
        await WaitAsync(async () => await scheduler.Exists(QuartzTimerScheduler.KeyOf(timers[0].Id)) && !await scheduler.Exists(QuartzTimerScheduler.KeyOf(timers[1].Id)), "the sync repaired both");
        (await sync.SyncAsync(default)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Cancelling_a_timer_removes_its_trigger_and_health_reports_the_scheduler()
    {
        await using var host = await TestHost.StartAsync();
        await WaitAsync(async () => (await host.Anonymous().GetAsync("/health")).IsSuccessStatusCode, "the scheduler starts");
        var health = await host.Anonymous().GetJsonAsync("/health");
        ((string?)health["scheduler"]).ShouldBe("ready");

        await TimerHosts.StartAsync(host, TimerModels.Boundary("timeout-flow", "PT1H"));
        var timer = (await host.TimersAsync()).Single();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var pump = host.Services.GetRequiredService<QuartzTimerScheduler>();
        await pump.FlushAsync(); // triggers are stored just after the commit, not before the API answers
        (await scheduler.Exists(QuartzTimerScheduler.KeyOf(timer.Id))).ShouldBeTrue();
        var zhang = await host.LoginAsync("zhang.wei");
        var task = (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { });
        await pump.FlushAsync();
        (await scheduler.Exists(QuartzTimerScheduler.KeyOf(timer.Id))).ShouldBeFalse("unscheduled after the completing step committed");
    }

    internal static async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds)) throw new ShouldAssertException($"timed out after {seconds} s waiting until {what}");
            await Task.Delay(100);
        }
    }
}
