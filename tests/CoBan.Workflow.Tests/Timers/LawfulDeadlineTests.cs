using Microsoft.EntityFrameworkCore;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>Deadlines as the law counts them (issue 13, item 6), for the parts the cases' procedures run through.</summary>
public class LawfulDeadlineTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_immediate_case_accepted_after_closing_is_due_at_the_close_of_the_next_working_day_not_overdue_at_once(Db db)
    {
        // Friday 2026-10-09 17:45, after the hall closed at 17:30; Saturday 10-10 is a worked weekend (调休) in 2026.
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 10, 9, 17, 45, 0, Beijing));
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书", "法定代表人身份证明"])));
        await CompleteAsync(zhang, id, "review", new { kind = "immediate" });
        var accepted = await CaseAsync(zhang, id);
        DateTimeOffset.Parse((string)accepted["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 10, 10, 17, 30, 0, Beijing));
        ((bool)accepted["summary"]!["overdue"]!).ShouldBeFalse();
    }

    [Fact]
    public async Task An_immediate_case_accepted_before_closing_is_due_at_closing_the_same_day()
    {
        await using var host = await StartAsync(now: new DateTimeOffset(2026, 10, 9, 10, 0, 0, Beijing));
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书", "法定代表人身份证明"])));
        await CompleteAsync(zhang, id, "review", new { kind = "immediate" });
        DateTimeOffset.Parse((string)(await CaseAsync(zhang, id))["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 10, 9, 17, 30, 0, Beijing));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_duty_leaders_supervision_task_ends_with_its_case_and_sends_no_more_overdue_alerts(Db db)
    {
        await using var host = await StartAsync(db, settings: new() { ["CoBan:Timers:Scheduler"] = "Manual" });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 2 });

        // Due on 10-09; on Monday 10-12 it is overdue and the duty leader gets 带班领导督办.
        host.Clock.Set(new DateTimeOffset(2026, 10, 12, 10, 0, 0, Beijing));
        await host.FireDueAsync();
        zhang = await host.LoginAsync("zhang.wei"); // the sign-in cookie expires with the clock
        (await OpenTasksAsync(zhang, id)).ShouldBe(["handle", "supervise"], ignoreOrder: true);

        // The coordinator ends the case before the leader wrote an instruction: the supervision ends with it.
        await CompleteAsync(zhang, id, "handle", new { outcome = "approved", result = "核发食品经营许可证" });
        (await OpenTasksAsync(zhang, id)).ShouldBe(["log"]);
        await CompleteAsync(zhang, id, "log", InPersonLog);
        var journal = await JournalAsync(zhang, id);
        journal.ShouldContain(j => (string)j["action"]! == "task.cancelled" && ((string)j["detail"]!).Contains("带班领导督办"));
        var alertsBefore = (await host.JournalAsync("deadline.overdue")).Count;

        // Weeks later nobody is told the ended case is overdue.
        host.Clock.Set(new DateTimeOffset(2026, 11, 20, 10, 0, 0, Beijing));
        await host.FireDueAsync();
        (await host.JournalAsync("deadline.overdue")).Count.ShouldBe(alertsBefore);
        (await host.WithDbAsync(d => d.Set<CoBan.Workflow.Timers.ScheduledTimer>().CountAsync(t => t.CaseId == id && t.Status == CoBan.Workflow.Timers.TimerStatus.Pending))).ShouldBe(0);
    }
}
