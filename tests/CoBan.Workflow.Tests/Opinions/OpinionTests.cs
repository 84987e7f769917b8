using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Opinions;

/// <summary>
/// The opinion book and suggestion box (意见簿/意见箱, seeds 001 and 004): entries copied in by staff are
/// numbered per bureau and year, due for an answer in working days of the bureau's calendar, answered
/// once, journaled, read by supervisors and counted in the monthly evaluation.
/// </summary>
public class OpinionTests
{
    private static readonly object Entry = new { source = "book", page = "第 12 页", writer = "王先生", contact = "138****5678", entry = "窗口中午无人值守，等了四十分钟。" };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_entry_is_numbered_due_in_working_days_answered_once_and_journaled(Db db)
    {
        // 2026-09-30 09:00: five working days run over the National Day holiday (10月1日至7日, 10月10日 a working Saturday).
        await using var host = await TestHost.StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");

        var first = await (await zhang.PostAsJsonAsync("/api/v1/opinions", Entry)).JsonAsync();
        ((string)first["number"]!).ShouldBe("意见-BZ-SCJG-2026-0001");
        ((string)first["answerDueOn"]!).ShouldBe("2026-10-13");
        ((string)first["state"]!).ShouldBe("open");
        var second = await (await zhang.PostAsJsonAsync("/api/v1/opinions", new { source = "box", entry = "建议增加自助复印机。" })).JsonAsync();
        ((string)second["number"]!).ShouldBe("意见-BZ-SCJG-2026-0002");
        ((string?)second["writer"]).ShouldBeNull("entries may be anonymous");

        var answered = await zhang.PostJsonAsync($"/api/v1/opinions/{first["id"]}/answer", new { answer = "已安排午间轮岗，并向王先生致歉。" });
        ((string)answered["state"]!).ShouldBe("answered");
        await (await zhang.PostAsJsonAsync($"/api/v1/opinions/{first["id"]}/answer", new { answer = "再答一次" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "opinion-answered");

        var journal = await host.WithDbAsync(d => d.Set<JournalEntry>().AsNoTracking().Where(j => j.Action.StartsWith("opinion.")).Select(j => j.Action).ToListAsync());
        journal.Order().ShouldBe(["opinion.answered", "opinion.recorded", "opinion.recorded"]);

        // After its date an unanswered entry is overdue.
        host.Clock.Set(new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(8)));
        zhang = await host.LoginAsync("zhang.wei"); // two weeks later: a new session
        var overdue = (await zhang.GetJsonAsync("/api/v1/opinions?state=overdue")).AsArray().ShouldHaveSingleItem()!;
        ((string)overdue["number"]!).ShouldBe("意见-BZ-SCJG-2026-0002");
    }

    [Fact]
    public async Task Supervisors_read_other_bureaus_and_strangers_are_refused()
    {
        await using var host = await TestHost.StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var entry = await (await zhang.PostAsJsonAsync("/api/v1/opinions", Entry)).JsonAsync();

        var supervisor = await host.LoginAsync("zhao.jian");
        (await supervisor.GetJsonAsync("/api/v1/opinions")).AsArray().Select(o => (string)o!["number"]!).ShouldContain("意见-BZ-SCJG-2026-0001");
        await (await supervisor.PostAsJsonAsync("/api/v1/opinions", Entry)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PostAsJsonAsync($"/api/v1/opinions/{entry["id"]}/answer", new { answer = "督查答复" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // A coordinator of another bureau sees none of it and cannot answer it, nor record into it.
        var chen = await host.LoginAsync("chen.jing");
        (await chen.GetJsonAsync("/api/v1/opinions")).AsArray().ShouldBeEmpty();
        await (await chen.PostAsJsonAsync($"/api/v1/opinions/{entry["id"]}/answer", new { answer = "代答" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.PostAsJsonAsync("/api/v1/opinions", new { bureau = "BZ-SCJG", entry = "冒名登记" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await host.Anonymous().GetAsync("/api/v1/opinions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await (await host.Anonymous().GetAsync("/opinions")).Content.ReadAsStringAsync()).ShouldNotContain("窗口中午无人值守");
    }

    [Fact]
    public async Task Bad_entries_are_refused_naming_the_field_and_nothing_is_stored()
    {
        await using var host = await TestHost.StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        async Task<System.Text.Json.Nodes.JsonNode?> FieldError(object body, string field) =>
            (await (await zhang.PostAsJsonAsync("/api/v1/opinions", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]?[field];
        (await FieldError(new { entry = "  " }, "entry")).ShouldNotBeNull();
        (await FieldError(new { entry = "x", receivedOn = "2026-10-02" }, "receivedOn")).ShouldNotBeNull();
        (await FieldError(new { entry = "x", source = "wechat" }, "source")).ShouldNotBeNull();
        var huge = await zhang.PostAsJsonAsync("/api/v1/opinions", new { entry = new string('长', 1024 * 1024) });
        huge.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await host.WithDbAsync(d => d.Set<Workflow.Opinions.OpinionEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_page_records_and_answers_and_the_monthly_evaluation_counts_the_entries()
    {
        await using var host = await TestHost.StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var page = await zhang.GetStringAsync("/opinions");
        page.ShouldContain("data-test=\"record-form\"");
        (await Forms.PostAsync(zhang, "/opinions", page, "record", new() { ["source"] = "book", ["page"] = "第 3 页", ["entry"] = "指示牌不清楚。" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Forms.PostAsync(zhang, "/opinions", await zhang.GetStringAsync("/opinions"), "record", new() { ["source"] = "box", ["entry"] = "希望延长周六服务时间。" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var listed = await zhang.GetStringAsync("/opinions");
        listed.ShouldContain("意见-BZ-SCJG-2026-0001");
        var id = await host.WithDbAsync(d => d.Set<Workflow.Opinions.OpinionEntry>().Where(o => o.Sequence == 1).Select(o => o.Id).SingleAsync());
        (await Forms.PostAsync(zhang, "/opinions", listed, $"answer-{id}", new() { ["answer"] = "已更换指示牌。" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // November: September's entries (both written on the 30th) are in its evaluation; the unanswered one is past its date.
        host.Clock.Set(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var supervisor = await host.LoginAsync("zhao.jian");
        var report = await (await supervisor.PostAsJsonAsync("/api/v1/supervision/reports", new { kind = "monthlyEvaluation", period = "2026-09" })).JsonAsync();
        (await supervisor.GetStringAsync((string)report["htmlUrl"]!)).ShouldContain("四、意见簿（意见箱）答复情况");
        var csv = await supervisor.GetStringAsync((string)report["csvUrl"]!);
        csv.Split('\n').Select(l => l.Trim()).ShouldContain("霸州市市场监督管理局,2,1,1,1", "received 2, answered 1, in time 1, overdue 1");
    }
}
