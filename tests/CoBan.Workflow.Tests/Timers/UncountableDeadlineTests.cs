using System.Net;
using CoBan.Workflow.Calendar;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// A deadline the calendar cannot count (issue 13, item 4: nothing half done; the retried incident counts from the original
/// stimulus). Since provisional years only years beyond the lunar calendar (2101 on) are uncountable, so these tests run a
/// service whose calendar does not count provisionally: every year without a loaded notice is unknown, as it was before.
/// </summary>
public class UncountableDeadlineTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly string[] WaterSupplyAll = ["卫生许可申请书", "供水设施平面图", "水质检验报告", "从业人员健康证明"];

    /// <summary>Made-up 2027 lists (the real notice is not out): 01-01..01-04 off.</summary>
    private static readonly object Made2027 = new { offDays = new[] { "2027-01-01..2027-01-04" }, workingWeekends = new[] { "2027-02-20" } };

    private sealed class LoadedYearsOnly(DbCalendarSource inner) : ICalendarSource
    {
        public async ValueTask<IWorkingDays> ForBureauAsync(CoBanDbContext db, long bureauId, CancellationToken ct) =>
            await inner.ForBureauAsync(db, bureauId, ct) is WorkingCalendar w ? w.WithoutProvisionalYears() : await inner.ForBureauAsync(db, bureauId, ct);
    }

    private static Task<TestHost> StartAsync(Db db, DateTimeOffset now) => TestHost.StartAsync(db, services: s =>
    {
        s.AddSingleton<DbCalendarSource>();
        s.AddSingleton<ICalendarSource>(sp => new LoadedYearsOnly(sp.GetRequiredService<DbCalendarSource>()));
    }, settings: new() { ["CoBan:DemoCases"] = "false", ["CoBan:Timers:Scheduler"] = "Manual" }, now: now);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_review_whose_deadline_cannot_be_counted_changes_nothing_and_the_coordinator_is_told_why(Db db)
    {
        // Monday 2026-12-28: five working days reach 2027, which this service cannot count.
        await using var host = await StartAsync(db, new DateTimeOffset(2026, 12, 28, 10, 0, 0, Beijing));
        var zhou = await host.LoginAsync("zhou.hui");
        var id = Id(await RegisterAsync(zhou, Registration("WSJ-002", "BZ-WSJDS", WaterSupplyAll)));
        var before = await CaseAsync(zhou, id);
        var journalBefore = (await JournalAsync(zhou, id)).Count;
        var review = await TaskAsync(zhou, id, "review");
        var variablesBefore = (await zhou.GetJsonAsync($"/api/v1/instances/{review["instanceId"]}"))["variables"]!.ToJsonString();

        var refused = await (await TryCompleteAsync(zhou, id, "review", new { kind = "commitment", committedDays = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "calendar-year-unknown");
        refused.ToJsonString().ShouldContain("2027");

        var after = await CaseAsync(zhou, id);
        Status(after).ShouldBe(Status(before));
        after["summary"]!["deadline"].ShouldBeNull();
        after["summary"]!["kind"].ShouldBeNull();
        (await OpenTasksAsync(zhou, id)).ShouldBe(["review"]);
        (await NoticesAsync(zhou, id)).ShouldBeEmpty();
        (await JournalAsync(zhou, id)).Count.ShouldBe(journalBefore);
        (await zhou.GetJsonAsync($"/api/v1/instances/{review["instanceId"]}"))["variables"]!.ToJsonString().ShouldBe(variablesBefore);
        (await host.WithDbAsync(d => d.Set<Incident>().CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_retried_incident_counts_the_deadline_from_the_completion_that_raised_it_not_from_the_retry(Db db)
    {
        var acceptedAt = new DateTimeOffset(2026, 12, 28, 10, 0, 0, Beijing);
        await using var host = await StartAsync(db, acceptedAt);
        var zhou = await host.LoginAsync("zhou.hui");
        var id = Id(await RegisterAsync(zhou, Registration("WSJ-002", "BZ-WSJDS", WaterSupplyAll)));
        var review = await host.WithDbAsync(d => d.Set<CoBan.Workflow.Tasks.WorkTask>().AsNoTracking().SingleAsync(t => t.CaseId == id && t.ElementId == "review"));

        // A step nobody drives (an integration completing the review) cannot stop at a form: it raises an incident.
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RuntimeService>().ApplyAsync(review.InstanceId,
                new CompleteTask(review.TaskId, new Dictionary<string, object?> { ["kind"] = "commitment", ["committedDays"] = 5L }), Actor.System, default);
        var incident = await host.WithDbAsync(d => d.Set<Incident>().AsNoTracking().SingleAsync(i => i.ResolvedAt == null));
        (await CaseAsync(zhou, id))["summary"]!["deadline"].ShouldBeNull();

        // Nine days later the administrator loads 2027 and retries.
        host.Clock.Set(new DateTimeOffset(2027, 1, 6, 9, 0, 0, Beijing));
        var admin = await host.LoginAsync("admin");
        await admin.PutJsonAsync("/api/v1/calendars/years/2027", Made2027);
        await admin.PostJsonAsync($"/api/v1/incidents/{incident.Id}/retry");

        // 12-29 (1), 12-30 (2), 12-31 (3), 01-01..01-04 off, 01-05 (4), 01-06 (5): five working days from the acceptance, at closing.
        zhou = await host.LoginAsync("zhou.hui");
        var accepted = await CaseAsync(zhou, id);
        var open = await host.WithDbAsync(d => d.Set<Incident>().AsNoTracking().ToListAsync());
        open.Where(i => i.ResolvedAt == null).Select(i => i.MessageZh).ShouldBeEmpty(accepted.ToJsonString());
        DateTimeOffset.Parse((string)accepted["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2027, 1, 6, 17, 30, 0, Beijing));
        DateTimeOffset.Parse((string)(await TaskAsync(zhou, id, "handle"))["due"]!).ShouldBe(new DateTimeOffset(2027, 1, 6, 17, 30, 0, Beijing));
        var receipt = await host.WithDbAsync(d => d.Set<Notice>().AsNoTracking().SingleAsync(n => n.CaseId == id && n.Template == "receipt"));
        receipt.ShouldNotBeNull();
        var printed = await (await zhou.GetAsync($"/print/cases/{id}/receipt")).Content.ReadAsStringAsync();
        printed.ShouldContain("2027年1月6日");
        printed.ShouldNotContain("2027年1月13日");
        (await host.WithDbAsync(d => d.Set<JournalEntry>().AsNoTracking().Where(j => j.CaseId == id && j.Action == "case.deadline").CountAsync())).ShouldBe(1);
    }
}
