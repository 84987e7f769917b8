using System.Net;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// DeadlineService on the database calendar (seeded from the release, Asia/Shanghai): committed deadlines across
/// holiday blocks, 调休 Saturdays and year ends; pauses spanning a holiday; the unknown year; recompute.
/// </summary>
public sealed class DeadlineServiceTests
{
    [Theory]
    // A committed deadline ends at the close of its last working day (民法典 Art. 203): BZ-SCJG posts 8:30-17:30.
    // National Day: 10-01…10-07 off, Saturday 10-10 worked (docs/calendar.md's worked example).
    [InlineData("2026-09-30T10:15:00+08:00", 5, "2026-10-13T17:30:00+08:00")]
    // Spring Festival 2026: Saturday 02-14 worked, 02-15…02-23 off.
    [InlineData("2026-02-13T15:00:00+08:00", 3, "2026-02-25T17:30:00+08:00")]
    // Year end into 2026: 01-01…01-03 off, Sunday 01-04 worked.
    [InlineData("2025-12-30T09:30:00+08:00", 3, "2026-01-05T17:30:00+08:00")]
    // Accepted on a holiday: the first working day after it is day 1.
    [InlineData("2026-10-03T11:00:00+08:00", 1, "2026-10-08T17:30:00+08:00")]
    // 09-30 17:30 UTC is already 10-01 in Beijing, a holiday: counted from the Beijing date.
    [InlineData("2026-09-30T17:30:00+00:00", 1, "2026-10-08T17:30:00+08:00")]
    public async Task The_committed_deadline_counts_working_days_of_the_official_calendar_in_Beijing_time(string accepted, int limit, string expected)
    {
        await using var host = await TimerHosts.ManualAsync();
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        var due = await Deadlines.WithServiceAsync(host, (s, db) => s.CommittedDeadlineAsync(db, bureau, DateTimeOffset.Parse(accepted), limit, default));
        due.ShouldBe(DateTimeOffset.Parse(expected));
        due.Offset.ShouldBe(TimeSpan.Zero, "stored in UTC");
    }

    [Fact]
    public async Task Counting_into_a_year_without_its_notice_is_provisional_and_beyond_the_lunar_calendar_is_a_clear_422()
    {
        await using var host = await TimerHosts.ManualAsync();
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        var ok = await Deadlines.WithServiceAsync(host, (s, db) => s.CommittedDeadlineAsync(db, bureau, TimerHosts.Local(2026, 12, 28, 10), 3, default));
        ok.ShouldBe(TimerHosts.Local(2026, 12, 31, 17, 30));
        var provisional = await Deadlines.WithServiceAsync(host, (s, db) => s.CommittedDeadlineAsync(db, bureau, TimerHosts.Local(2026, 12, 28, 10), 5, default));
        provisional.ShouldBe(TimerHosts.Local(2027, 1, 5, 17, 30), "元旦 2027 (a Friday) is a statutory holiday");
        var refused = await Should.ThrowAsync<CoBanException>(() =>
            Deadlines.WithServiceAsync(host, (s, db) => s.CommittedDeadlineAsync(db, bureau, TimerHosts.Local(2100, 12, 28, 10), 5, default)));
        (refused.Status, refused.Code).ShouldBe((422, "calendar-year-unknown"));
        refused.MessageZh.ShouldContain("2101 年");

        var coordinator = await host.LoginAsync("zhang.wei");
        var response = await coordinator.PostAsync("/api/v1/calendars/deadline", Http.Json(new { from = TimerHosts.Local(2100, 12, 28, 10), workingDays = 5 }));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "calendar-year-unknown");
        ((string?)problem["detail"] ?? "").ShouldContain("no holiday calendar is loaded for 2101");
        var counted = await coordinator.PostJsonAsync("/api/v1/calendars/deadline", new { from = TimerHosts.Local(2026, 12, 28, 10), workingDays = 5 });
        ((bool)counted["provisional"]!).ShouldBeTrue();
        var computed = await coordinator.PostJsonAsync("/api/v1/calendars/deadline", new { from = TimerHosts.Local(2026, 9, 30, 10, 15), workingDays = 5 });
        ((DateTimeOffset)computed["dueLocal"]!).ShouldBe(TimerHosts.Local(2026, 10, 13, 17, 30));
        ((string?)computed["bureauCode"]).ShouldBe("BZ-SCJG");
    }

    [Fact]
    public async Task A_pause_spanning_the_National_Day_holiday_moves_the_deadline_by_the_working_days_inside_it_and_is_journaled_with_its_reason()
    {
        await using var host = await TimerHosts.ManualAsync(now: TimerHosts.Local(2026, 9, 25, 10));
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        var opened = await Deadlines.OpenAsync(host, new DeadlineSpec(DeadlineHolderKinds.Case, 7, bureau, TimerHosts.Local(2026, 9, 25, 10), LimitWorkingDays: 10, CaseId: 7, Title: "食品经营许可 BZ-2026-0007"));
        opened.DueAt.ShouldBe(TimerHosts.Local(2026, 10, 15, 17, 30));

        host.Clock.Set(TimerHosts.Local(2026, 9, 29, 15));
        var paused = await Deadlines.PauseAsync(host, DeadlineHolderKinds.Case, 7, "现场核查（特别程序开始）");
        paused.IsPaused.ShouldBeTrue();
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).ShouldBeEmpty("no reminder while the clock is stopped");
        (await Should.ThrowAsync<CoBanException>(() => Deadlines.PauseAsync(host, DeadlineHolderKinds.Case, 7, "again"))).Code.ShouldBe("already-paused");

        host.Clock.Set(TimerHosts.Local(2026, 10, 9, 10));
        var resumed = await Deadlines.ResumeAsync(host, DeadlineHolderKinds.Case, 7, "核查完毕（特别程序结束）");
        // 09-30, 10-08 and 10-09 are the working days after the pause began up to the day it ended; the 7 holiday days are not given back.
        resumed.PausedWorkingDays.ShouldBe(3);
        resumed.DueAt.ShouldBe(TimerHosts.Local(2026, 10, 20, 17, 30));
        resumed.IsPaused.ShouldBeFalse();

        var journal = await host.JournalAsync("deadline.");
        journal.Select(j => j.Action).ShouldBe(["deadline.set", "deadline.paused", "deadline.resumed"]);
        journal.ShouldAllBe(j => j.CaseId == 7);
        journal[1].Detail.ShouldContain("现场核查（特别程序开始）");
        journal[2].Detail.ShouldContain("3 个工作日");
        journal[2].Detail.ShouldContain("2026-10-15 17:30");
        journal[2].Detail.ShouldContain("2026-10-20 17:30");
        journal[2].Before.ShouldNotBeNull();
        journal[2].After.ShouldNotBeNull();
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Select(t => t.Action).ShouldBe(["reminder", "overdue-leader", "overdue-supervisor"]);
    }

    [Fact]
    public async Task A_paused_case_sends_no_reminder_neither_for_itself_nor_for_its_tasks()
    {
        await using var host = await TimerHosts.ManualAsync();
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        await Deadlines.OpenAsync(host, new DeadlineSpec(DeadlineHolderKinds.Case, 42, bureau, host.Clock.GetUtcNow(), LimitWorkingDays: 5, CaseId: 42));
        // A task of the same case, due 10-10 (P3WD): started the way the cases feature starts its instances, with the case id.
        var procedure = await ProcedureSteps.PublishAsync(host, TimerModels.TaskWithDue("case-flow"));
        using (var scope = host.Services.CreateScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
            var version = await runtime.PublishedVersionAsync(procedure, null, default);
            await runtime.StartAsync(version, bureau, "case-flow", new Dictionary<string, object?> { ["caseOwner"] = "zhang.wei" }, Actor.System, default, caseId: 42);
        }

        host.Clock.Set(TimerHosts.Local(2026, 10, 8, 16));
        await Deadlines.PauseAsync(host, DeadlineHolderKinds.Case, 42, "专家评审");
        (await host.AtAsync(2026, 10, 9, 9)).ShouldBe(1, "the task's reminder fires…");
        (await host.AtAsync(2026, 10, 10, 9)).ShouldBe(1);
        (await host.AtAsync(2026, 10, 13, 9)).ShouldBeGreaterThan(0);
        (await host.NoticesAsync()).ShouldBeEmpty("…but a paused case sends nothing");

        host.Clock.Set(TimerHosts.Local(2026, 10, 13, 10));
        await Deadlines.ResumeAsync(host, DeadlineHolderKinds.Case, 42, "评审结束");
        (await host.AtAsync(2026, 10, 14, 9)).ShouldBeGreaterThan(0);
        (await host.NoticesAsync()).Select(n => n.Template).ShouldContain("overdue-leader", "the task's overdue alerts resume with the case");
    }

    [Fact]
    public async Task A_committed_limit_longer_than_the_matter_allows_is_refused()
    {
        await using var host = await TimerHosts.ManualAsync();
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        var refused = await Should.ThrowAsync<CoBanException>(() =>
            Deadlines.OpenAsync(host, new DeadlineSpec(DeadlineHolderKinds.Case, 1, bureau, host.Clock.GetUtcNow(), LimitWorkingDays: 25, MaxLimitWorkingDays: 20)));
        refused.Code.ShouldBe("limit-exceeds-matter");
        (await host.WithDbAsync(db => db.Set<Deadline>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task After_a_calendar_change_deadlines_move_only_when_an_administrator_applies_the_previewed_recompute()
    {
        await using var host = await TimerHosts.ManualAsync();
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        await Deadlines.OpenAsync(host, new DeadlineSpec(DeadlineHolderKinds.Case, 9, bureau, host.Clock.GetUtcNow(), LimitWorkingDays: 5, CaseId: 9));
        var other = await Deadlines.BureauAsync(host, "BZ-RSJ");
        await Deadlines.OpenAsync(host, new DeadlineSpec(DeadlineHolderKinds.Case, 10, other, host.Clock.GetUtcNow(), LimitWorkingDays: 5, CaseId: 10));
        var taskInstance = await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow")); // a task due 10-10 09:00, counted in working days

        var admin = await host.LoginAsync("admin");
        await admin.PostJsonAsync("/api/v1/calendars/overrides", new { bureauCode = "BZ-SCJG", date = "2026-10-09", isWorkingDay = false, reason = "办公楼停电检修" });
        (await host.WithDbAsync(db => db.Set<Deadline>().Where(d => d.HolderId == 9).Select(d => d.DueAt).SingleAsync())).ShouldBe(TimerHosts.Local(2026, 10, 13, 17, 30), "nothing moves silently");

        var preview = await admin.GetJsonAsync("/api/v1/deadlines/recompute");
        var items = preview["items"]!.AsArray();
        items.Select(i => (string?)i!["holderKind"]).OrderBy(k => k).ShouldBe(["case", "task"]);
        var caseItem = items.Single(i => (string?)i!["holderKind"] == "case")!;
        ((DateTimeOffset)caseItem["newDue"]!).ShouldBe(TimerHosts.Local(2026, 10, 14, 17, 30));
        ((int)caseItem["shiftWorkingDays"]!).ShouldBe(1);
        var revision = (long)preview["revision"]!;

        var stale = await admin.PostAsync("/api/v1/deadlines/recompute", Http.Json(new { revision = revision - 1, reason = "停电" }));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "calendar-changed");
        var applied = await admin.PostJsonAsync("/api/v1/deadlines/recompute", new { revision, reason = "10-09 停电不办公" });
        ((int)applied["moved"]!).ShouldBe(2);

        (await host.WithDbAsync(db => db.Set<Deadline>().Where(d => d.HolderId == 9).Select(d => d.DueAt).SingleAsync())).ShouldBe(TimerHosts.Local(2026, 10, 14, 17, 30));
        (await host.WithDbAsync(db => db.Set<Deadline>().Where(d => d.HolderId == 10).Select(d => d.DueAt).SingleAsync())).ShouldBe(TimerHosts.Local(2026, 10, 13, 17, 30), "another bureau's calendar did not change");
        var task = (await (await host.LoginAsync("zhang.wei")).GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        ((DateTimeOffset)task["due"]!).ShouldBe(TimerHosts.Local(2026, 10, 12, 9), "the task's own due date follows");
        (await host.JournalAsync("deadline.recomputed")).Count.ShouldBe(2);
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending && t.CaseId == 9 && t.Action == "overdue-leader")).Single().DueAt.ShouldBe(TimerHosts.Local(2026, 10, 15, 8, 30), "after the close of the new last day, when the hall next opens");
        ((await admin.GetJsonAsync("/api/v1/deadlines/recompute"))["items"]!.AsArray()).ShouldBeEmpty();
        taskInstance.ShouldBeGreaterThan(0);
    }
}
