using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Case = CoBan.Workflow.Cases.Case;
using static CoBan.Workflow.Tests.Supervision.SupervisionFacts;

namespace CoBan.Workflow.Tests.Supervision;

/// <summary>挂账督办 on <see cref="OctoberCity"/> at 2026-11-10 09:00: A6 (due 10-23) and A5 (due 11-05) are overdue.</summary>
public sealed class FollowUpTests
{
    [Fact]
    public async Task Overdue_cases_are_listed_with_owner_duty_leader_working_days_overdue_and_last_action()
    {
        await using var host = await MeasureTests.OctoberAsync();
        var (a5, a6) = await host.WithDbAsync(async db =>
        {
            var a6 = await db.Set<Case>().SingleAsync(c => c.Deadline == Bj(10, 23).ToUniversalTime());
            var a5 = await db.Set<Case>().SingleAsync(c => c.Deadline == Bj(11, 5, 17).ToUniversalTime());
            db.Add(new JournalEntry { At = Bj(10, 22, 15).ToUniversalTime(), CaseId = a6.Id, BureauId = a6.BureauId, UserName = "张伟", Action = "case.decided", Detail = "需进入特别程序：现场勘查" });
            db.Add(new JournalEntry { At = Bj(10, 22, 16).ToUniversalTime(), CaseId = a6.Id, BureauId = a6.BureauId, Action = "notice.sent", Detail = "通知已发出" });
            await db.SaveChangesAsync();
            return (a5.Number, a6.Number);
        });
        var supervisor = await host.LoginAsync("zhao.jian");
        var list = await supervisor.GetJsonAsync("/api/v1/supervision/follow-ups");
        ((int)list["overdueCases"]!).ShouldBe(2);
        var rows = list["rows"]!.AsArray();
        rows.Select(r => (string?)r!["number"]).ToArray().ShouldBe(new string?[] { a6, a5 }, "the longest overdue first");
        var first = rows[0]!;
        ((string?)first["ownerName"]).ShouldBe("张伟");
        ((string?)first["dutyLeaderName"]).ShouldBe("刘洋");
        // After 10-23 up to 11-10: 10-26…10-30, 11-02…11-06, 11-09, 11-10.
        ((int)first["daysOverdue"]!).ShouldBe(12);
        ((int)rows[1]!["daysOverdue"]!).ShouldBe(3); // 11-06, 11-09, 11-10
        ((string?)first["lastAction"]!["detail"]).ShouldBe("需进入特别程序：现场勘查", "the dispatcher's notice lines are not someone's action");
        rows[1]!["lastAction"].ShouldBeNull();
    }

    [Fact]
    public async Task A_supervisor_adds_a_follow_up_with_a_date_which_is_tracked_highlighted_when_late_closed_and_journaled()
    {
        await using var host = await MeasureTests.OctoberAsync();
        var caseId = await host.WithDbAsync(db => db.Set<Case>().Where(c => c.Deadline == Bj(10, 23).ToUniversalTime()).Select(c => c.Id).SingleAsync());
        var supervisor = await host.LoginAsync("zhao.jian");

        await (await supervisor.PostAsJsonAsync("/api/v1/supervision/follow-ups", new { caseId, note = "请说明超期原因", dueOn = "2026-11-09" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var coordinator = await host.LoginAsync("zhang.wei");
        await (await coordinator.PostAsJsonAsync("/api/v1/supervision/follow-ups", new { caseId, note = "x", dueOn = "2026-11-12" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var added = await (await supervisor.PostAsJsonAsync("/api/v1/supervision/follow-ups", new { caseId, note = "请说明超期原因，11 月 12 日前办结", dueOn = "2026-11-12" })).JsonAsync();
        ((string?)added["status"]).ShouldBe("open");
        ((bool)added["overdue"]!).ShouldBeFalse();
        var row = await RowAsync(supervisor, caseId);
        var followUp = row["followUps"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)followUp["note"]).ShouldBe("请说明超期原因，11 月 12 日前办结");
        ((bool)row["followUpOverdue"]!).ShouldBeFalse();
        (await JournalAsync(supervisor, caseId)).ShouldContain(d => d.StartsWith("赵健 挂账督办：请说明超期原因"));

        host.Clock.Set(Bj(11, 13, 9));
        supervisor = await host.LoginAsync("zhao.jian"); // the sign-in cookie does not outlive three days
        var late = await supervisor.GetJsonAsync("/api/v1/supervision/follow-ups");
        ((int)late["overdueFollowUps"]!).ShouldBe(1);
        ((bool)(await RowAsync(supervisor, caseId))["followUpOverdue"]!).ShouldBeTrue("past its date and still open: highlighted");
        ((int)(await supervisor.GetJsonAsync("/api/v1/supervision/dashboard"))["followUps"]!["overdueFollowUps"]!).ShouldBe(1);

        // The case ends; its follow-up stays on the list until a supervisor closes it.
        await host.WithDbAsync(async db =>
        {
            var c = await db.Set<Case>().SingleAsync(x => x.Id == caseId);
            (c.Status, c.CompletedAt) = (CaseStatus.CompletedApproved, Bj(11, 12, 16).ToUniversalTime());
            return await db.SaveChangesAsync();
        });
        ((int)(await supervisor.GetJsonAsync("/api/v1/supervision/follow-ups?state=overdue"))["total"]!).ShouldBe(1, "only A5 is still overdue");
        (await RowAsync(supervisor, caseId))["overdue"]!.GetValue<bool>().ShouldBeFalse();

        var id = (long)followUp["id"]!;
        await (await supervisor.PostAsJsonAsync($"/api/v1/supervision/follow-ups/{id}/close", new { resolution = "" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var closed = await (await supervisor.PostAsJsonAsync($"/api/v1/supervision/follow-ups/{id}/close", new { resolution = "已于 11 月 12 日办结，对协办员进行了提醒谈话" })).JsonAsync();
        ((string?)closed["status"]).ShouldBe("closed");
        ((string?)closed["closedBy"]).ShouldBe("赵健");
        await (await supervisor.PostAsJsonAsync($"/api/v1/supervision/follow-ups/{id}/close", new { resolution = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var current = await supervisor.GetJsonAsync("/api/v1/supervision/follow-ups");
        current["rows"]!.AsArray().Select(r => (long)r!["id"]!).ShouldNotContain(caseId);
        (await supervisor.GetJsonAsync("/api/v1/supervision/follow-ups?state=closed"))["rows"]!.AsArray().Select(r => (long)r!["id"]!).ToArray().ShouldBe(new[] { caseId });
        (await JournalAsync(supervisor, caseId)).ShouldContain(d => d.StartsWith("赵健 督办销账（超过督办期限）：已于 11 月 12 日办结"));
    }

    private static async Task<List<string>> JournalAsync(HttpClient client, long caseId) =>
        (await client.GetJsonAsync($"/api/v1/cases/{caseId}/journal")).AsArray().Select(j => (string?)j!["detail"] ?? "").ToList();

    private static async Task<JsonNode> RowAsync(HttpClient client, long caseId) =>
        (await client.GetJsonAsync("/api/v1/supervision/follow-ups?state=all"))["rows"]!.AsArray().Single(r => (long)r!["id"]! == caseId)!;
}
