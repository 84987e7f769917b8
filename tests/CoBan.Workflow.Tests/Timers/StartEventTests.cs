using System.Net;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>Timer start events of the latest published version: one instance per occurrence, rescheduled with the versions.</summary>
public sealed class StartEventTests
{
    [Fact]
    public async Task A_cron_start_event_starts_one_instance_per_occurrence_and_follows_the_latest_published_version()
    {
        await using var host = await TimerHosts.ManualAsync(); // Wednesday 2026-09-30 09:00
        var procedure = await ProcedureSteps.PublishAsync(host, TimerModels.StartEvent("roster-publish", "0 30 8 * * ?"));

        var first = (await host.TimersAsync(t => t.Purpose == TimerPurpose.StartEvent)).Single();
        (first.Status, first.Occurrence, first.ElementId).ShouldBe((TimerStatus.Pending, 1, "daily"));
        first.DueAt.ShouldBe(TimerHosts.Local(2026, 10, 1, 8, 30));
        var admin = await host.LoginAsync("admin");
        (await admin.GetJsonAsync("/api/v1/timers")).AsArray().ShouldContain(t => (string?)t!["purpose"] == "start-event");

        await host.AtAsync(2026, 10, 1, 8, 30);
        await host.FireDueAsync();
        (await InstancesAsync(host)).ShouldBe(1);
        var second = (await host.TimersAsync(t => t.Purpose == TimerPurpose.StartEvent && t.Status == TimerStatus.Pending)).Single();
        (second.Occurrence, second.DueAt).ShouldBe((2, TimerHosts.Local(2026, 10, 2, 8, 30)));

        // Down for three days: the missed occurrences fire once, late, not three times.
        await host.AtAsync(2026, 10, 5, 12);
        (await InstancesAsync(host)).ShouldBe(2);
        (await host.TimersAsync(t => t.Purpose == TimerPurpose.StartEvent && t.Status == TimerStatus.Pending)).Single().DueAt.ShouldBe(TimerHosts.Local(2026, 10, 6, 8, 30));

        // A new version takes over: the old version's pending occurrence is cancelled, the new one's first planned.
        var owner = await host.LoginAsync("owner.scjg"); // (sessions last 10 hours of the manual clock)
        await owner.PutJsonAsync($"/api/v1/procedures/{procedure}/draft", new { xml = TimerModels.StartEvent("roster-publish", "0 0 17 * * ?") });
        await owner.PostJsonAsync($"/api/v1/procedures/{procedure}/publish", new { comment = "改为下午五点" });
        var pending = await host.TimersAsync(t => t.Purpose == TimerPurpose.StartEvent && t.Status == TimerStatus.Pending);
        pending.Single().DueAt.ShouldBe(TimerHosts.Local(2026, 10, 5, 17, 0));
        pending.Single().ProcedureVersionId.ShouldNotBe(first.ProcedureVersionId);

        // Retiring it brings version 1 back as the latest published: its chain resumes.
        await owner.PostJsonAsync($"/api/v1/procedures/{procedure}/versions/2/retire", new { });
        var resumed = (await host.TimersAsync(t => t.Purpose == TimerPurpose.StartEvent && t.Status == TimerStatus.Pending)).Single();
        (resumed.ProcedureVersionId, resumed.DueAt).ShouldBe((first.ProcedureVersionId, TimerHosts.Local(2026, 10, 6, 8, 30)));
        await owner.PostJsonAsync($"/api/v1/procedures/{procedure}/versions/1/retire", new { });
        (await host.TimersAsync(t => t.Purpose == TimerPurpose.StartEvent && t.Status == TimerStatus.Pending)).ShouldBeEmpty();
        await host.AtAsync(2026, 10, 9, 9);
        (await InstancesAsync(host)).ShouldBe(2);
    }

    [Fact]
    public async Task A_cycle_with_a_repetition_count_stops_after_its_last_occurrence()
    {
        await using var host = await TimerHosts.ManualAsync();
        await ProcedureSteps.PublishAsync(host, TimerModels.StartEvent("hourly-check", "R3/PT1H"));
        for (var hour = 10; hour <= 14; hour++) await host.AtAsync(2026, 9, 30, hour);
        (await InstancesAsync(host)).ShouldBe(3);
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Where(t => t.Purpose == TimerPurpose.StartEvent).ShouldBeEmpty();
    }

    private static Task<int> InstancesAsync(TestHost host) => host.WithDbAsync(db => db.Set<ProcessInstance>().CountAsync());
}
