using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// A committed deadline is the close of its last working day (民法典 Art. 203: the bureau's service hours, 24:00 where there
/// are none); overdue starts after it, and nobody is alerted at night (issue 13, items 1 and 2).
/// </summary>
public class CloseOfBusinessTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static Dictionary<string, string?> Manual => new() { ["CoBan:Timers:Scheduler"] = "Manual" };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_case_accepted_at_10_15_is_not_overdue_on_its_last_day_until_the_hall_closes_and_the_duty_leader_hears_at_the_next_opening(Db db)
    {
        // Wednesday 2026-09-30 10:15; the demo hall posts "工作日 8:30-12:00，13:30-17:30".
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 9, 30, 10, 15, 0, Beijing), settings: Manual);
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        var close = new DateTimeOffset(2026, 10, 13, 17, 30, 0, Beijing);
        DateTimeOffset.Parse((string)(await CaseAsync(zhang, id))["summary"]!["deadline"]!).ShouldBe(close);
        DateTimeOffset.Parse((string)(await TaskAsync(zhang, id, "handle"))["due"]!).ShouldBe(close);

        // 10:16 on the date the receipt prints: not overdue, nobody escalated.
        await host.AtAsync(2026, 10, 13, 10, 16);
        zhang = await host.LoginAsync("zhang.wei");
        ((bool)(await CaseAsync(zhang, id))["summary"]!["overdue"]!).ShouldBeFalse();
        (await host.JournalAsync("case.overdue")).ShouldBeEmpty();
        (await host.NoticesAsync("overdue-leader")).ShouldBeEmpty();
        (await OpenTasksAsync(zhang, id)).ShouldBe(["handle"]);

        // After the close it is overdue and flagged; the duty leader is not woken at night.
        await host.AtAsync(2026, 10, 13, 17, 31);
        zhang = await host.LoginAsync("zhang.wei");
        ((bool)(await CaseAsync(zhang, id))["summary"]!["overdue"]!).ShouldBeTrue();
        (await host.JournalAsync("case.overdue")).ShouldHaveSingleItem();
        await host.AtAsync(2026, 10, 13, 23, 0);
        await host.AtAsync(2026, 10, 14, 8, 29);
        (await host.NoticesAsync("overdue-leader")).ShouldBeEmpty();
        await host.AtAsync(2026, 10, 14, 8, 30);
        (await host.NoticesAsync("overdue-leader")).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_tolerant_supply_date_cannot_fall_after_the_committed_deadline_and_ends_when_the_hall_closes(Db db)
    {
        // SCJG-001 allows 3 working days and 容缺受理; the coordinator commits to 1: due Thursday 10-08 at 17:30.
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 9, 30, 9, 0, 0, Beijing), settings: Manual);
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-001", "BZ-SCJG", ["个体工商户登记申请书", "经营者身份证明"])));
        var tooLate = await TryCompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 1, tolerant = true, toleranceCommitment = "承诺补交", supplementBy = "2026-10-09" });
        var problem = await tooLate.ShouldBeProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);
        ((string)problem["errors"]!["supplementBy"]![0]!).ShouldContain("承诺办结期限");

        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 1, tolerant = true, toleranceCommitment = "承诺补交经营场所使用证明", supplementBy = "2026-10-08" });
        var close = new DateTimeOffset(2026, 10, 8, 17, 30, 0, Beijing);
        DateTimeOffset.Parse((string)(await CaseAsync(zhang, id))["summary"]!["deadline"]!).ShouldBe(close);
        DateTimeOffset.Parse((string)(await TaskAsync(zhang, id, "tolerant_supply"))["due"]!).ShouldBe(close);

        // Waiting for the item within the commitment is not overdue.
        await host.AtAsync(2026, 10, 8, 17, 0);
        zhang = await host.LoginAsync("zhang.wei");
        ((bool)(await CaseAsync(zhang, id))["summary"]!["overdue"]!).ShouldBeFalse();
        (await OpenTasksAsync(zhang, id)).ShouldBe(["tolerant_supply"]);
    }

    [Fact]
    public void Every_alert_goes_out_in_working_hours_never_at_night_or_on_a_day_off()
    {
        var calendar = CoBan.Workflow.Engine.Time.WorkingCalendar.ChinaNational;
        var hall = new CoBan.Workflow.Engine.Time.ServiceHours(new TimeOnly(8, 30), new TimeOnly(17, 30));
        // A reminder hour configured before the hall opens waits for the opening.
        var policy = new CoBan.Workflow.Timers.ReminderPolicy(1, 2, new TimeOnly(7, 0), true, hall);
        var due = new DateTimeOffset(2026, 10, 13, 17, 30, 0, Beijing);
        var now = new DateTimeOffset(2026, 10, 8, 10, 0, 0, Beijing);
        CoBan.Workflow.Timers.ReminderSchedule.Reminder(calendar, due, policy, now)!.At.ShouldBe(new DateTimeOffset(2026, 10, 12, 8, 30, 0, Beijing));
        // Due at the close: the duty leader hears when the next working day opens; the supervisor two working days after that day's close.
        CoBan.Workflow.Timers.ReminderSchedule.Leader(calendar, due, policy, now).At.ShouldBe(new DateTimeOffset(2026, 10, 14, 8, 30, 0, Beijing));
        CoBan.Workflow.Timers.ReminderSchedule.Supervisor(calendar, due, policy, now).At.ShouldBe(new DateTimeOffset(2026, 10, 16, 8, 30, 0, Beijing));
        // A deadline moved into the past at night goes out at the next opening, not at once: Wednesday 09-30 22:00 → after National Day.
        CoBan.Workflow.Timers.ReminderSchedule.Leader(calendar, due.AddDays(-20), policy, new DateTimeOffset(2026, 9, 30, 22, 0, 0, Beijing)).At
            .ShouldBe(new DateTimeOffset(2026, 10, 8, 8, 30, 0, Beijing));
        // The daily repeat after a Friday: Saturday 10-10 is worked (调休), at the opening rather than 07:00.
        CoBan.Workflow.Timers.ReminderSchedule.NextRepeat(calendar, new DateTimeOffset(2026, 10, 9, 8, 30, 0, Beijing), new DateTimeOffset(2026, 10, 9, 8, 30, 0, Beijing), policy)
            .ShouldBe(new DateTimeOffset(2026, 10, 10, 8, 30, 0, Beijing));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Without_posted_service_hours_a_deadline_ends_at_24_00_of_its_last_working_day(Db db)
    {
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 9, 30, 10, 15, 0, Beijing), settings: Manual);
        await host.WithDbAsync(async d =>
        {
            foreach (var b in await d.Set<Bureau>().ToListAsync()) b.ServiceHours = b.Code == "BZ-SCJG" ? "预约办理" : null;
            return await d.SaveChangesAsync();
        });
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        DateTimeOffset.Parse((string)(await CaseAsync(zhang, id))["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 10, 13, 23, 59, 59, Beijing));

        await host.AtAsync(2026, 10, 13, 22, 0);
        (await host.JournalAsync("case.overdue")).ShouldBeEmpty("22:00 on the last day is still inside the period");
    }
}
