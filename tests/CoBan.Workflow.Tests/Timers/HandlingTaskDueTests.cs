using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>One deadline model (issue 13, item 5): moving the handling task's due date moves the case deadline and its overdue timer.</summary>
public class HandlingTaskDueTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_duty_leader_moving_the_handling_tasks_due_date_moves_the_case_deadline_and_its_overdue_timer(Db db)
    {
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 9, 30, 9, 0, 0, Beijing), settings: new() { ["CoBan:Timers:Scheduler"] = "Manual" });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        var committed = new DateTimeOffset(2026, 10, 13, 17, 30, 0, Beijing);
        var handle = await TaskAsync(zhang, id, "handle");

        // The coordinator moving their own handling task does not move what the applicant was promised, and is told so.
        await zhang.PutJsonAsync($"/api/v1/tasks/{handle["id"]}/dates", new { due = committed.AddDays(-1) });
        DateTimeOffset.Parse((string)(await CaseAsync(zhang, id))["summary"]!["deadline"]!).ShouldBe(committed);
        (await JournalAsync(zhang, id)).Select(j => (string)j["detail"]!).ShouldContain(d => d.Contains("承诺办结期限") && d.Contains("不变"));
        var leader = await host.LoginAsync("liu.yang");

        var later = new DateTimeOffset(2026, 10, 16, 17, 30, 0, Beijing);
        await leader.PutJsonAsync($"/api/v1/tasks/{handle["id"]}/dates", new { due = later });
        DateTimeOffset.Parse((string)(await CaseAsync(zhang, id))["summary"]!["deadline"]!).ShouldBe(later);
        var engineTimers = await host.WithDbAsync(d => d.Set<ScheduledTimer>().AsNoTracking()
            .Where(t => t.Purpose == TimerPurpose.Engine && t.Status == TimerStatus.Pending && t.ElementId == "overdue_timer").ToListAsync());
        engineTimers.ShouldHaveSingleItem().DueAt.ShouldBe(later.ToUniversalTime());
        (await JournalAsync(zhang, id)).ShouldContain(j => (string)j["action"]! == "deadline.moved");

        // Past the old date nothing is overdue; past the new one it is.
        await host.AtAsync(2026, 10, 14, 9, 0);
        (await host.JournalAsync("case.overdue")).ShouldBeEmpty();
        await host.AtAsync(2026, 10, 16, 17, 31);
        (await host.JournalAsync("case.overdue")).ShouldHaveSingleItem();
    }
}
