using System.Text.Json.Nodes;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Calendar;

/// <summary>
/// A year without its State Council notice is counted provisionally (docs/calendar.md, "Provisional years"): the case
/// goes on with a date that says so, and loading the notice recomputes it once. The 2027 lists loaded below are made up
/// for the tests (the real notice is not out); they differ from the statutory holidays on purpose.
/// </summary>
public class ProvisionalYearTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly string[] WaterSupplyAll = ["卫生许可申请书", "供水设施平面图", "水质检验报告", "从业人员健康证明"];

    /// <summary>Made-up 2027 lists: 01-04 off as well, so a deadline counted on 01-05 moves to 01-06.</summary>
    private static readonly object Made2027 = new { offDays = new[] { "2027-01-01..2027-01-04" }, workingWeekends = new[] { "2027-02-20" } };

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_20_working_day_commitment_accepted_on_2026_12_07_is_due_2027_01_05_provisionally_and_the_loaded_notice_recomputes_it_once(Db db)
    {
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 12, 7, 10, 15, 0, Beijing));
        var zhou = await host.LoginAsync("zhou.hui");
        var id = Id(await RegisterAsync(zhou, Registration("WSJ-002", "BZ-WSJDS", WaterSupplyAll)));
        await CompleteAsync(zhou, id, "review", new { kind = "commitment", committedDays = 20 });

        // Accepted Monday 2026-12-07: 18 working days to Thursday 12-31, 元旦 (Friday 2027-01-01) off, Monday 01-04, Tuesday 01-05.
        var accepted = await CaseAsync(zhou, id);
        Status(accepted).ShouldBe("handling");
        var deadline = DateTimeOffset.Parse((string)accepted["summary"]!["deadline"]!).ToOffset(Beijing);
        DateOnly.FromDateTime(deadline.DateTime).ShouldBe(new DateOnly(2027, 1, 5));
        ((bool)accepted["summary"]!["provisional"]!).ShouldBeTrue();
        (await NoticesAsync(zhou, id)).ShouldBe(["receipt"]);
        (await host.WithDbAsync(d => d.Set<Incident>().CountAsync())).ShouldBe(0, "no incident: the case goes on");
        var handle = await TaskAsync(zhou, id, "handle");
        DateTimeOffset.Parse((string)handle["due"]!).ShouldBe(deadline);
        var taskDeadline = (await zhou.GetJsonAsync($"/api/v1/deadlines?caseId={id}")).AsArray().ShouldHaveSingleItem()!;
        ((bool)taskDeadline["provisional"]!).ShouldBeTrue();
        var receipt = await host.WithDbAsync(d => d.Set<Notice>().SingleAsync(n => n.CaseId == id && n.Template == "receipt"));
        var printed = await (await zhou.GetAsync($"/print/cases/{id}/receipt")).Content.ReadAsStringAsync();
        printed.ShouldContain("承诺办结时间暂按法定节假日计算，待国务院公布该年节假日安排后重新核定");
        var admin = await host.LoginAsync("admin");
        var status = await admin.GetJsonAsync("/api/v1/calendars/status");
        status["provisionalYears"]!.AsArray().Select(y => (int)y!).ShouldBe([2027]);

        var loaded = await admin.PutJsonAsync("/api/v1/calendars/years/2027", Made2027);
        ((int)loaded["deadlinesRecomputed"]!).ShouldBeGreaterThanOrEqualTo(1);

        var after = await CaseAsync(zhou, id);
        var moved = DateTimeOffset.Parse((string)after["summary"]!["deadline"]!).ToOffset(Beijing);
        moved.ShouldBe(deadline.AddDays(1), "01-04 is off in the loaded year: Wednesday 01-06, at the close");
        ((bool)after["summary"]!["provisional"]!).ShouldBeFalse();
        (await (await zhou.GetAsync($"/print/cases/{id}/receipt")).Content.ReadAsStringAsync()).ShouldNotContain("暂按法定节假日计算");
        DateTimeOffset.Parse((string)(await TaskAsync(zhou, id, "handle"))["due"]!).ShouldBe(moved);
        var overdueTimer = await host.WithDbAsync(d => d.Set<ScheduledTimer>().AsNoTracking()
            .Where(t => t.CaseId == id || t.InstanceId == d.Set<WorkTask>().Where(w => w.CaseId == id).Select(w => w.InstanceId).FirstOrDefault())
            .Where(t => t.Purpose == TimerPurpose.Engine && t.Status == TimerStatus.Pending).ToListAsync());
        overdueTimer.Select(t => t.DueAt).ShouldContain(moved.ToUniversalTime());
        overdueTimer.Select(t => t.DueAt).ShouldNotContain(deadline.ToUniversalTime());

        var journal = await host.WithDbAsync(d => d.Set<JournalEntry>().AsNoTracking().Where(j => j.CaseId == id && j.Action == "deadline.recomputed").ToListAsync());
        var entry = journal.ShouldHaveSingleItem();
        entry.Detail.ShouldContain("2027-01-05 17:30");
        entry.Detail.ShouldContain("2027-01-06 17:30");
        entry.Before.ShouldNotBeNull();
        entry.After.ShouldNotBeNull();
        (await NoticesAsync(zhou, id)).Order().ToList().ShouldBe(["receipt", "receipt", "reminder"], "the applicant gets a new receipt, the owner a notice of the new date");

        // Loading the notice again (a correction with the same days) recomputes and tells nobody twice.
        await admin.PutJsonAsync("/api/v1/calendars/years/2027", Made2027);
        (await NoticesAsync(zhou, id)).Count.ShouldBe(3);
        (await host.WithDbAsync(d => d.Set<JournalEntry>().CountAsync(j => j.CaseId == id && j.Action == "deadline.recomputed"))).ShouldBe(1);
        receipt.Id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Counting_into_a_provisional_year_is_shown_by_the_calendar_api()
    {
        await using var host = await StartAsync(now: new DateTimeOffset(2026, 12, 7, 10, 15, 0, Beijing));
        var admin = await host.LoginAsync("admin");
        var computed = await admin.PostJsonAsync("/api/v1/calendars/deadline", new { bureauCode = "BZ-SCJG", from = new DateTimeOffset(2027, 2, 4, 10, 0, 0, Beijing), workingDays = 1 });
        ((DateTimeOffset)computed["dueLocal"]!).ShouldBe(new DateTimeOffset(2027, 2, 11, 17, 30, 0, Beijing), "春节 02-05…02-08 and its 补假 02-09, 02-10");
        ((bool)computed["provisional"]!).ShouldBeTrue();
        var day = (await admin.GetJsonAsync("/api/v1/calendars/days?bureau=BZ-SCJG&from=2027-02-09&to=2027-02-09")).AsArray().Single()!;
        ((bool?)day["isWorkingDay"]).ShouldBe(false);
        ((bool)day["provisional"]!).ShouldBeTrue();
        ((string?)day["note"]).ShouldNotBeNull().ShouldContain("春节补假");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_bad_review_whose_rectification_period_reaches_the_provisional_year_is_accepted_with_its_due_date(Db db)
    {
        // Friday 2026-12-11 at the health supervision institute (15 working days): 12-14…12-31 is 14, 元旦 off, Monday 2027-01-04.
        await using var host = await StartAsync(db, now: new DateTimeOffset(2026, 12, 11, 9, 0, 0, Beijing));
        var zhou = await host.LoginAsync("zhou.hui");
        var id = Id(await RegisterAsync(zhou, Registration("WSJ-003", "BZ-WSJDS", ["延续申请表", "原卫生许可证", "卫生检测（评价）报告"])));
        await CompleteAsync(zhou, id, "review", new { kind = "commitment", committedDays = 2 });
        await CompleteAsync(zhou, id, "handle", new { outcome = "approved" });
        var evaluation = await zhou.PostJsonAsync($"/api/v1/cases/{id}/evaluation", new { level = 1, comment = "态度差" });
        DateTimeOffset.Parse((string)evaluation["rectifyBy"]!).ShouldBe(new DateTimeOffset(2027, 1, 4, 9, 0, 0, Beijing));
    }
}
