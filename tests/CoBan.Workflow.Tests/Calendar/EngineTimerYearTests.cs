using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Tests.Timers;
using CoBan.Workflow.Timers;

namespace CoBan.Workflow.Tests.Calendar;

/// <summary>The engine's own working-day timers (a boundary P5WD) counted on a provisional year are recomputed when its notice is loaded (issue 13, item 5).</summary>
public class EngineTimerYearTests
{
    /// <summary>Made-up 2027 lists for the test (the real notice is not out): 01-04 off as well.</summary>
    private static readonly object Made2027 = new { offDays = new[] { "2027-01-01..2027-01-04" }, workingWeekends = new[] { "2027-02-20" } };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_boundary_P5WD_timer_across_a_provisional_year_moves_when_the_year_is_loaded_and_fires_on_the_right_day(Db db)
    {
        await using var host = await TimerHosts.ManualAsync(db, now: TimerHosts.Local(2026, 12, 28, 10));
        var instance = await TimerHosts.StartAsync(host, TimerModels.Boundary("wd-flow", "P5WD"));
        // Provisionally: 12-29, 12-30, 12-31, 元旦 01-01 off, weekend, 01-04, 01-05.
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending && t.ElementId == "timeout")).Single().DueAt.ShouldBe(TimerHosts.Local(2027, 1, 5, 10));

        var admin = await host.LoginAsync("admin");
        var loaded = await admin.PutJsonAsync("/api/v1/calendars/years/2027", Made2027);
        ((int)loaded["deadlinesRecomputed"]!).ShouldBeGreaterThanOrEqualTo(1);
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending && t.ElementId == "timeout")).Single().DueAt.ShouldBe(TimerHosts.Local(2027, 1, 6, 10));
        (await host.JournalAsync("deadline.recomputed")).ShouldContain(j => j.InstanceId == instance && j.Detail.Contains("P5WD"));

        await host.AtAsync(2027, 1, 5, 10, 30);
        ((string)(await host.InstanceAsync(instance))["status"]!).ShouldBe("running");
        await host.AtAsync(2027, 1, 6, 10, 0);
        ((string)(await host.InstanceAsync(instance))["status"]!).ShouldBe("completed");

        // Loading it again (a correction) moves nothing more.
        admin = await host.LoginAsync("admin"); // the sign-in cookie expires with the clock
        await admin.PutJsonAsync("/api/v1/calendars/years/2027", Made2027);
        (await host.JournalAsync("deadline.recomputed")).Count(j => j.InstanceId == instance).ShouldBe(1);
    }
}
