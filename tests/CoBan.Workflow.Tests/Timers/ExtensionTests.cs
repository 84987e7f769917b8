using System.Net;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>行政许可法 Art. 42: a committed deadline is extended once, by up to 10 working days, by the duty leader with a reason (issue 13, item 6).</summary>
public class ExtensionTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_duty_leader_extends_a_commitment_once_with_a_reason_the_applicant_is_told_and_the_overdue_timer_follows(Db db)
    {
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 9, 30, 9, 0, 0, Beijing), settings: new() { ["CoBan:Timers:Scheduler"] = "Manual" });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });

        // Only the duty leader, 1–10 working days, with a reason.
        await (await zhang.PostAsync($"/api/v1/cases/{id}/extension", Http.Json(new { workingDays = 3, reason = "需专家论证" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var leader = await host.LoginAsync("liu.yang");
        (await (await leader.PostAsync($"/api/v1/cases/{id}/extension", Http.Json(new { workingDays = 11, reason = "需专家论证" }))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["workingDays"].ShouldNotBeNull();
        (await (await leader.PostAsync($"/api/v1/cases/{id}/extension", Http.Json(new { workingDays = 3, reason = " " }))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["reason"].ShouldNotBeNull();

        // 10-13 17:30 + 3 working days: 10-16 17:30, still at the close.
        var extended = await leader.PostJsonAsync($"/api/v1/cases/{id}/extension", new { workingDays = 3, reason = "需组织专家论证" });
        var due = new DateTimeOffset(2026, 10, 16, 17, 30, 0, Beijing);
        DateTimeOffset.Parse((string)extended["summary"]!["deadline"]!).ShouldBe(due);
        DateTimeOffset.Parse((string)(await TaskAsync(zhang, id, "handle"))["due"]!).ShouldBe(due);
        (await host.WithDbAsync(d => d.Set<ScheduledTimer>().AsNoTracking().Where(t => t.ElementId == "overdue_timer" && t.Status == TimerStatus.Pending).ToListAsync()))
            .ShouldHaveSingleItem().DueAt.ShouldBe(due.ToUniversalTime());
        var entry = (await JournalAsync(zhang, id)).Single(j => (string)j["action"]! == "deadline.extended");
        ((string)entry["detail"]!).ShouldContain("需组织专家论证");
        (await NoticesAsync(zhang, id)).Count(n => n == "receipt").ShouldBe(2, "the applicant gets the new date in writing");

        // Once only.
        await (await leader.PostAsync($"/api/v1/cases/{id}/extension", Http.Json(new { workingDays = 2, reason = "再次延期" }))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-extended");

        // Not overdue at the old deadline; overdue after the new one.
        await host.AtAsync(2026, 10, 14, 9, 0);
        (await host.JournalAsync("case.overdue")).ShouldBeEmpty();
        await host.AtAsync(2026, 10, 16, 17, 31);
        (await host.JournalAsync("case.overdue")).ShouldHaveSingleItem();
    }
}
