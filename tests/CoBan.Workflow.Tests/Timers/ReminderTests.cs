using System.Text.Json.Nodes;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// Reminders and escalation of a task due in working days, driven by the manual clock. The task is created
/// on Wednesday 2026-09-30 09:00 with coban:due="P3WD": 10-01…10-07 are the National Day holiday, so it is
/// due on the adjusted working Saturday 2026-10-10 09:00.
/// </summary>
public sealed class ReminderTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_owner_is_reminded_the_working_day_before_and_the_duty_leader_then_the_supervisor_are_alerted_on_working_days_only(Db db)
    {
        await using var host = await TimerHosts.ManualAsync(db);
        var id = await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow"));

        var planned = await host.TimersAsync(t => t.Status == TimerStatus.Pending);
        planned.Select(t => (t.Action, Local(t.DueAt))).ShouldBe(
        [
            ("reminder", TimerHosts.Local(2026, 10, 9, 9)),
            ("overdue-leader", TimerHosts.Local(2026, 10, 10, 9)),   // 调休 Saturday: a working day
            ("overdue-supervisor", TimerHosts.Local(2026, 10, 13, 9)), // two working days later, Sunday skipped
        ]);
        planned.ShouldAllBe(t => t.InstanceId == id && t.WorkTaskId != null && t.DeadlineId != null);

        (await host.AtAsync(2026, 10, 8, 18)).ShouldBe(0);
        (await host.AtAsync(2026, 10, 9, 9)).ShouldBe(1);
        var reminder = (await host.NoticesAsync()).Single();
        (reminder.Template, reminder.Recipient, reminder.InstanceId).ShouldBe(("reminder", "caseOwner", (long?)id));
        Variables(reminder)["dueLocal"]!.ToString().ShouldBe("2026-10-10 09:00");
        (await host.JournalAsync("deadline.reminder")).Single().InstanceId.ShouldBe(id);
        (await host.FireDueAsync()).ShouldBe(0);

        await host.AtAsync(2026, 10, 10, 9);
        var leader = (await host.NoticesAsync("overdue-leader")).Single();
        leader.Recipient.ShouldBe("dutyLeader");
        ((string?)Variables(leader)["recipientUserId"]).ShouldBe(await UserIdAsync(host, "liu.yang"));
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending && t.Action == "overdue-leader")).Single().DueAt
            .ShouldBe(TimerHosts.Local(2026, 10, 12, 9), "repeats the next working day (Monday), not on Sunday");

        (await host.AtAsync(2026, 10, 11, 12)).ShouldBe(0, "Sunday 10-11 is off");
        await host.AtAsync(2026, 10, 12, 9);
        (await host.NoticesAsync("overdue-leader")).Count.ShouldBe(2);
        await host.AtAsync(2026, 10, 13, 9);
        (await host.NoticesAsync("overdue-leader")).Count.ShouldBe(3);
        var supervisor = (await host.NoticesAsync("overdue-supervisor")).Single();
        supervisor.Recipient.ShouldBe("supervisor");
        ((string?)Variables(supervisor)["recipientUserId"]).ShouldBe(await UserIdAsync(host, "zhao.jian"), "the supervisor sits at the city centre, above the bureau");
        ((int)Variables(supervisor)["overdueWorkingDays"]!).ShouldBe(2);

        (await host.NoticesAsync()).ShouldAllBe(n => WorkingCalendar.ChinaNational.IsWorkingDay(n.CreatedAt));
        (await host.JournalAsync("deadline.overdue")).Count.ShouldBe(4);

        // Completing the task ends its deadline: nothing more goes out.
        var zhang = await host.LoginAsync("zhang.wei");
        var task = (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { });
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).ShouldBeEmpty();
        (await host.AtAsync(2026, 10, 20, 9)).ShouldBe(0);
        (await host.NoticesAsync()).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Element_settings_win_over_the_defaults_and_a_task_due_date_changed_on_the_task_moves_its_reminders_at_once()
    {
        await using var host = await TimerHosts.ManualAsync();
        await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow", "P5WD", remindBefore: "P2WD", escalateAfter: "P1WD"));
        // due 2026-10-13 09:00 (5 working days after 09-30, the 调休 Saturday counted)
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Select(t => (t.Action, Local(t.DueAt))).ShouldBe(
        [
            ("reminder", TimerHosts.Local(2026, 10, 10, 9)),
            ("overdue-leader", TimerHosts.Local(2026, 10, 13, 9)),
            ("overdue-supervisor", TimerHosts.Local(2026, 10, 14, 9)),
        ]);

        var leader = await host.LoginAsync("liu.yang");
        var task = (await (await host.LoginAsync("zhang.wei")).GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        await leader.PutJsonAsync($"/api/v1/tasks/{task["id"]}/dates", new { due = TimerHosts.Local(2026, 10, 16, 17) });

        // The deadline follows at once: the alerts are re-planned for the new date, and the one for the old date is gone.
        (await host.JournalAsync("deadline.moved")).ShouldHaveSingleItem();
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Select(t => (t.Action, Local(t.DueAt))).ShouldBe(
        [
            ("reminder", TimerHosts.Local(2026, 10, 14, 9)),
            ("overdue-leader", TimerHosts.Local(2026, 10, 16, 17)),
            ("overdue-supervisor", TimerHosts.Local(2026, 10, 19, 17)),
        ]);
        (await host.AtAsync(2026, 10, 10, 9)).ShouldBe(0);
        (await host.NoticesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Clearing_a_task_due_date_ends_its_deadline_and_nothing_more_goes_out()
    {
        await using var host = await TimerHosts.ManualAsync();
        await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow"));
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Count.ShouldBe(3);

        var leader = await host.LoginAsync("liu.yang");
        var zhang = await host.LoginAsync("zhang.wei");
        var task = (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        var changed = await leader.PutJsonAsync($"/api/v1/tasks/{task["id"]}/dates", new { due = (DateTimeOffset?)null });
        changed["due"].ShouldBeNull();

        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).ShouldBeEmpty();
        (await host.JournalAsync("task.dates")).ShouldHaveSingleItem();
        (await host.AtAsync(2026, 10, 20, 9)).ShouldBe(0);
        (await host.NoticesAsync()).ShouldBeEmpty();

        // Completing it later has no alerts left to look for (a new sign-in: the clock moved past the session).
        zhang = await host.LoginAsync("zhang.wei");
        await zhang.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { });
        (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_due_date_set_by_hand_on_a_task_without_one_is_watched_like_one_from_the_procedure()
    {
        await using var host = await TimerHosts.ManualAsync();
        await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("plain-flow").Replace(" coban:due=\"P3WD\"", ""));
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).ShouldBeEmpty();

        var leader = await host.LoginAsync("liu.yang");
        var task = (await (await host.LoginAsync("zhang.wei")).GetJsonAsync("/api/v1/tasks")).AsArray().Single()!;
        task["due"].ShouldBeNull();
        await leader.PutJsonAsync($"/api/v1/tasks/{task["id"]}/dates", new { due = TimerHosts.Local(2026, 10, 10, 9) });

        // The same alerts a coban:due of P3WD plans (see the first test), as a fixed date.
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Select(t => (t.Action, Local(t.DueAt))).ShouldBe(
        [
            ("reminder", TimerHosts.Local(2026, 10, 9, 9)),
            ("overdue-leader", TimerHosts.Local(2026, 10, 10, 9)),
            ("overdue-supervisor", TimerHosts.Local(2026, 10, 13, 9)),
        ]);
        (await host.AtAsync(2026, 10, 9, 9)).ShouldBe(1);
        (await host.NoticesAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_reminder_defaults_come_from_configuration()
    {
        await using var host = await TimerHosts.ManualAsync(settings: new Dictionary<string, string?>
        {
            ["CoBan:Reminders:RemindBeforeWorkingDays"] = "2",
            ["CoBan:Reminders:EscalateAfterWorkingDays"] = "0",
            ["CoBan:Reminders:Hour"] = "08:30",
            ["CoBan:Reminders:RepeatDaily"] = "false",
        });
        await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow")); // due 2026-10-10 09:00
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Select(t => (t.Action, Local(t.DueAt))).ShouldBe(
        [
            ("reminder", TimerHosts.Local(2026, 10, 8, 8, 30)),
            ("overdue-leader", TimerHosts.Local(2026, 10, 10, 9)),
            ("overdue-supervisor", TimerHosts.Local(2026, 10, 10, 9)),
        ]);
        await host.AtAsync(2026, 10, 10, 9);
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).ShouldBeEmpty("no daily repeats");
    }

    [Fact]
    public async Task Reminders_and_escalations_never_go_out_on_an_off_day_for_deadlines_across_holidays_and_year_ends()
    {
        await using var host = await TimerHosts.ManualAsync(now: TimerHosts.Local(2025, 12, 20, 8));
        var calendar = WorkingCalendar.ChinaNational;
        var starts = new List<DateTimeOffset>();
        // Every 4 days and a few hours apart, through the New Year, Spring Festival, May Day and National Day blocks of 2026.
        for (var at = TimerHosts.Local(2025, 12, 20, 8); at < TimerHosts.Local(2026, 11, 20, 8); at = at.AddDays(4).AddHours(5))
            starts.Add(at);
        var holder = 0L;
        var bureau = await Deadlines.BureauAsync(host, "BZ-SCJG");
        foreach (var start in starts)
        {
            await RunUntilAsync(host, start);
            // A deadline nobody meets repeats its alerts every working day: end each about two weeks after it fell due.
            var stale = await host.WithDbAsync(db => db.Set<Deadline>().Where(d => d.Status == DeadlineStatus.Open && d.DueAt < start.AddDays(-14)).Select(d => d.HolderId).ToListAsync());
            foreach (var done in stale) await Deadlines.InUnitAsync(host, async (s, unit) => { await s.CloseAsync(unit, "probe", done, default); return 0; });
            var limit = 1 + (int)(holder % 8);
            await Deadlines.OpenAsync(host, new DeadlineSpec("probe", ++holder, bureau, start, LimitWorkingDays: limit,
                RemindBeforeWorkingDays: (int)(holder % 3), EscalateAfterWorkingDays: (int)(holder % 4)));
        }
        var planned = await host.TimersAsync(t => t.DeadlineId != null);
        planned.Count.ShouldBeGreaterThan(starts.Count * 2);
        planned.Where(t => !calendar.IsWorkingDay(t.DueAt)).Select(t => $"{t.Action} {Local(t.DueAt):yyyy-MM-dd HH:mm}").ShouldBeEmpty("every alert is planned on a working day");

        await RunUntilAsync(host, TimerHosts.Local(2026, 12, 31, 0));
        var notices = await host.NoticesAsync();
        notices.Count(n => n.Template == "reminder").ShouldBeGreaterThan(40);
        notices.Count(n => n.Template == "overdue-supervisor").ShouldBeGreaterThan(40);
        notices.Count(n => (int)Variables(n)["occurrence"]! > 1).ShouldBeGreaterThan(100);
        notices.Where(n => !calendar.IsWorkingDay(n.CreatedAt)).Select(n => $"{n.Template} {Local(n.CreatedAt):yyyy-MM-dd HH:mm}")
            .ShouldBeEmpty("no reminder or escalation goes out on an off day");
        notices.Where(n => (int)Variables(n)["occurrence"]! > 1 && Local(n.CreatedAt).Hour != 9).Select(n => $"{n.Template} {Local(n.CreatedAt):yyyy-MM-dd HH:mm}")
            .ShouldBeEmpty("daily repeats go out at 09:00");
    }

    /// <summary>Moves the clock from alert to alert up to <paramref name="until"/>, firing each when it falls due (never late).</summary>
    private static async Task RunUntilAsync(TestHost host, DateTimeOffset until)
    {
        while (await host.WithDbAsync(db => db.Set<ScheduledTimer>().Where(t => t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync()) is { } next
               && next <= until)
        {
            host.Clock.Set(next);
            await host.FireDueAsync();
        }
        host.Clock.Set(until);
    }

    private static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8));

    private static JsonNode Variables(Notice notice) => JsonNode.Parse(notice.Variables!)!;

    private static Task<string> UserIdAsync(TestHost host, string userName) =>
        host.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());
}
