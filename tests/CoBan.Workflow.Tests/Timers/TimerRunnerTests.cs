using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>Engine timers fired through the runner with a manual clock: once, and only once, whoever fires them.</summary>
public sealed class TimerRunnerTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_boundary_timer_fires_when_the_clock_reaches_it_and_ends_the_instance_at_the_timeout_end(Db db)
    {
        await using var host = await TimerHosts.ManualAsync(db);
        var id = await TimerHosts.StartAsync(host, TimerModels.Boundary("timeout-flow", "PT1H"));

        var admin = await host.LoginAsync("admin");
        var timers = (await admin.GetJsonAsync($"/api/v1/instances/{id}/timers")).AsArray();
        timers.Count.ShouldBe(1);
        ((string?)timers[0]!["purpose"]).ShouldBe("engine");
        ((DateTimeOffset)timers[0]!["dueLocal"]!).ShouldBe(TimerHosts.Local(2026, 9, 30, 10, 0));

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        (await host.FireDueAsync()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.FireDueAsync()).ShouldBe(1);

        var detail = await admin.GetJsonAsync($"/api/v1/instances/{id}");
        ((string?)detail["instance"]!["status"]).ShouldBe("completed");
        detail["completed"]!.AsArray().Select(x => (string?)x).ShouldContain("endTimedOut");
        (await admin.GetJsonAsync($"/api/v1/instances/{id}/timers")).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Firing_the_same_due_timers_from_several_callers_at_once_applies_each_exactly_once()
    {
        await using var host = await TimerHosts.ManualAsync();
        var procedure = await ProcedureSteps.PublishAsync(host, TimerModels.TimerNotice("notify-flow", "PT10M"));
        var zhang = await host.LoginAsync("zhang.wei");
        for (var i = 0; i < 12; i++) await ProcedureSteps.StartAsync(zhang, procedure, "zhang.wei");

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var runner = host.Services.GetRequiredService<TimerRunner>();
        var ids = (await host.TimersAsync()).Select(t => t.Id).ToList();
        var now = host.Clock.GetUtcNow();
        var fired = await Task.WhenAll(runner.FireDueAsync(now), runner.FireDueAsync(now), runner.FireAsync(ids), runner.FireAsync(ids.AsEnumerable().Reverse().ToList()));

        fired.Sum().ShouldBe(12);
        (await host.NoticesAsync("reminder")).Count.ShouldBe(12);
        (await host.JournalAsync("timer.fired")).Count.ShouldBe(12);
        (await runner.FireAsync(ids)).ShouldBe(0, "a re-run finds every row Fired and does nothing");
        (await host.NoticesAsync("reminder")).Count.ShouldBe(12);
    }

    [Fact]
    public async Task A_timer_that_fails_stays_pending_with_its_error_and_a_backoff_while_the_others_of_its_batch_fire()
    {
        await using var host = await TimerHosts.ManualAsync();
        var procedure = await ProcedureSteps.PublishAsync(host, TimerModels.TimerNotice("notify-flow", "PT5M"));
        var zhang = await host.LoginAsync("zhang.wei");
        for (var i = 0; i < 3; i++) await ProcedureSteps.StartAsync(zhang, procedure, "zhang.wei");
        var broken = await host.WithDbAsync(async db =>
        {
            var bureau = await db.Set<Bureaus.Bureau>().Where(b => b.Code == "BZ-SCJG").Select(b => b.Id).FirstAsync();
            // A row whose instance is gone: its effect cannot be applied.
            var timer = new ScheduledTimer { InstanceId = 999_999, TimerId = 1, Purpose = TimerPurpose.Engine, DueAt = host.Clock.GetUtcNow(), Status = TimerStatus.Pending, CreatedAt = host.Clock.GetUtcNow(), BureauId = bureau };
            db.Add(timer);
            await db.SaveChangesAsync();
            return timer.Id;
        });

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        (await host.FireDueAsync()).ShouldBe(3);

        var failed = (await host.TimersAsync(t => t.Id == broken)).Single();
        failed.Status.ShouldBe(TimerStatus.Pending);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNullOrWhiteSpace();
        failed.RetryAt.ShouldBe(host.Clock.GetUtcNow() + TimeSpan.FromSeconds(5));
        (await host.FireDueAsync()).ShouldBe(0, "not before its retry time");

        var admin = await host.LoginAsync("admin");
        var misfired = (await admin.GetJsonAsync("/api/v1/timers/misfired")).AsArray();
        misfired.Select(m => (long)m!["timer"]!["id"]!).ShouldContain(broken);
        ((string?)misfired.First(m => (long)m!["timer"]!["id"]! == broken)!["reason"]).ShouldBe("failing");

        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.FireDueAsync();
        (await host.TimersAsync(t => t.Id == broken)).Single().Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task A_timer_cancelled_by_the_step_that_ends_its_wait_does_nothing_when_it_fires()
    {
        await using var host = await TimerHosts.ManualAsync();
        var id = await TimerHosts.StartAsync(host, TimerModels.Boundary("timeout-flow", "PT1H"));
        var zhang = await host.LoginAsync("zhang.wei");
        var task = (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { });

        var timer = (await host.TimersAsync()).Single();
        timer.Status.ShouldBe(TimerStatus.Cancelled);
        host.Clock.Advance(TimeSpan.FromHours(2));
        (await host.FireDueAsync()).ShouldBe(0);
        (await host.Services.GetRequiredService<TimerRunner>().FireAsync([timer.Id])).ShouldBe(0);
        var detail = await (await host.LoginAsync("admin")).GetJsonAsync($"/api/v1/instances/{id}");
        detail["completed"]!.AsArray().Select(x => (string?)x).ShouldContain("endCompleted");
    }

    [Fact]
    public async Task Administrators_see_every_pending_timer_due_in_the_next_hours_with_its_purpose()
    {
        await using var host = await TimerHosts.ManualAsync();
        await TimerHosts.StartAsync(host, TimerModels.Boundary("soon-flow", "PT2H"));
        await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow"));

        var admin = await host.LoginAsync("admin");
        var soon = (await admin.GetJsonAsync("/api/v1/timers?hours=3")).AsArray();
        soon.Select(t => (string?)t!["purpose"]).ShouldBe(["engine"]);
        var all = (await admin.GetJsonAsync("/api/v1/timers")).AsArray();
        all.Select(t => (string?)t!["action"]).ShouldBe([null, "reminder", "overdue-leader", "overdue-supervisor"]);
        all.ShouldAllBe(t => !string.IsNullOrEmpty((string?)t!["description"]));

        var coordinator = await host.LoginAsync("zhang.wei");
        (await coordinator.GetAsync("/api/v1/timers")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/api/v1/timers/misfired")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
