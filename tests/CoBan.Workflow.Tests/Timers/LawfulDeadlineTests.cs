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
}
