using System.Net;
using System.Text.Json.Nodes;
using CoBan.Workflow.Calendar;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Tests.Timers;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Calendar;

/// <summary>
/// Calendar administration through the API. The 2027 data below is made up for the tests (the real
/// notice is not out): New Year 01-01…01-03, Spring Festival 02-06…02-12 with 02-20 worked.
/// </summary>
public sealed class CalendarApiTests
{
    private static readonly object Lists2027 = new
    {
        offDays = new[] { "2027-01-01..2027-01-03", "2027-02-06..2027-02-12", "2027-10-01..2027-10-07" },
        workingWeekends = new[] { "2027-02-20", "2027-09-26", "2027-10-09" },
    };

    [Fact]
    public async Task The_shipped_years_are_in_the_database_on_first_start_and_can_be_exported_in_the_holiday_cn_layout()
    {
        await using var host = await TimerHosts.ManualAsync();
        var admin = await host.LoginAsync("admin");
        var overview = await admin.GetJsonAsync("/api/v1/calendars");
        overview["years"]!.AsArray().Select(y => ((int)y!["year"]!, (string?)y["source"])).ShouldBe([(2025, "release"), (2026, "release")]);
        (await host.WithDbAsync(db => db.Set<StoredCalendarYear>().Select(y => y.Year).OrderBy(y => y).ToListAsync())).ShouldBe([2025, 2026]);

        var year = await admin.GetJsonAsync("/api/v1/calendars/years/2026");
        ((int)year["year"]!).ShouldBe(2026);
        var days = year["days"]!.AsArray();
        days.ShouldContain(d => (string?)d!["date"] == "2026-02-14" && !(bool)d["isOffDay"]!);
        days.ShouldContain(d => (string?)d!["date"] == "2026-10-07" && (bool)d["isOffDay"]!);
        (await admin.GetAsync("/api/v1/calendars/years/2027")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task From_the_first_of_November_the_status_warns_while_next_year_is_missing()
    {
        await using var host = await TimerHosts.ManualAsync(now: TimerHosts.Local(2026, 10, 31, 23, 59));
        var admin = await host.LoginAsync("admin");
        var october = await admin.GetJsonAsync("/api/v1/calendars/status");
        october["warning"].ShouldBeNull();
        ((bool)october["nextYearLoaded"]!).ShouldBeFalse();

        host.Clock.Set(TimerHosts.Local(2026, 11, 1, 0, 0));
        var november = await admin.GetJsonAsync("/api/v1/calendars/status");
        ((string?)november["warning"]).ShouldNotBeNull().ShouldContain("2027");
        ((string?)november["warningEn"]).ShouldNotBeNull().ShouldContain("2027");
        ((int)november["nextYear"]!).ShouldBe(2027);

        await admin.PutJsonAsync("/api/v1/calendars/years/2027", Lists2027);
        var loaded = await admin.GetJsonAsync("/api/v1/calendars/status");
        loaded["warning"].ShouldBeNull();
        ((bool)loaded["nextYearLoaded"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task Loading_a_year_is_journaled_makes_it_count_and_plans_again_the_alerts_counted_on_its_provisional_year()
    {
        await using var host = await TimerHosts.ManualAsync(now: TimerHosts.Local(2026, 12, 24, 9));
        // Due 12-31 09:00 (P5WD); its supervisor alert, two working days later, falls in 2027, counted provisionally:
        // 元旦 (Friday 01-01) off, Monday 01-04, Tuesday 01-05.
        await TimerHosts.StartAsync(host, TimerModels.TaskWithDue("due-flow", "P5WD"));
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending)).Select(t => t.Action).ShouldBe(["reminder", "overdue-leader", "overdue-supervisor"]);
        (await host.TimersAsync(t => t.Status == TimerStatus.Pending && t.Action == "overdue-supervisor")).Single().DueAt.ShouldBe(TimerHosts.Local(2027, 1, 5, 9));
        (await host.WithDbAsync(db => db.Set<Deadline>().SingleAsync())).MissingCalendarYear.ShouldBeNull();
        (await host.JournalAsync("deadline.calendar-missing")).ShouldBeEmpty();

        var admin = await host.LoginAsync("admin");
        // Made-up lists where 01-04 is off too: the escalation planned on the provisional year moves to Wednesday 01-06.
        var result = await admin.PutJsonAsync("/api/v1/calendars/years/2027", new { offDays = new[] { "2027-01-01..2027-01-04", "2027-02-06..2027-02-12", "2027-10-01..2027-10-07" }, workingWeekends = new[] { "2027-02-20", "2027-09-26", "2027-10-09" } });
        ((bool)result["replaced"]!).ShouldBeFalse();
        ((int)result["deadlinesReplanned"]!).ShouldBe(0);
        ((int)result["year"]!["offDays"]!).ShouldBe(18);
        ((int)result["year"]!["workingWeekends"]!).ShouldBe(3);

        var supervisor = (await host.TimersAsync(t => t.Status == TimerStatus.Pending && t.Action == "overdue-supervisor")).Single();
        supervisor.DueAt.ShouldBe(TimerHosts.Local(2027, 1, 6, 9), "12-31 + 2 working days: 01-01…01-04 off, Tuesday 01-05, Wednesday 01-06");
        (await host.WithDbAsync(db => db.Set<Deadline>().SingleAsync())).MissingCalendarYear.ShouldBeNull();

        var journal = (await host.JournalAsync("calendar.year")).Last();
        journal.Action.ShouldBe("calendar.year.loaded");
        journal.UserName.ShouldBe("系统管理员");
        journal.Before.ShouldBeNull();
        journal.After.ShouldNotBeNull().ShouldContain("2027-02-20");

        var computed = await admin.PostJsonAsync("/api/v1/calendars/deadline", new { bureauCode = "BZ-SCJG", from = TimerHosts.Local(2027, 2, 5, 10), workingDays = 2 });
        ((DateTimeOffset)computed["dueLocal"]!).ShouldBe(TimerHosts.Local(2027, 2, 16, 17, 30), "02-06…02-12 off, 02-13/14 weekend: Monday 02-15 is day 1, Tuesday day 2");
    }

    [Fact]
    public async Task A_year_in_the_holiday_cn_layout_replaces_the_stored_one_and_the_journal_keeps_both()
    {
        await using var host = await TimerHosts.ManualAsync();
        var admin = await host.LoginAsync("admin");
        var original = await admin.GetJsonAsync("/api/v1/calendars/years/2026");
        var days = original["days"]!.AsArray().Select(d => d!.DeepClone()).ToList();
        days.Add(new JsonObject { ["name"] = "地方节日", ["date"] = "2026-11-20", ["isOffDay"] = true });
        var result = await admin.PutJsonAsync("/api/v1/calendars/years/2026", new JsonObject { ["year"] = 2026, ["days"] = new JsonArray([.. days]) });
        ((bool)result["replaced"]!).ShouldBeTrue();

        var journal = (await host.JournalAsync("calendar.year.replaced")).Single();
        journal.Before.ShouldNotBeNull().ShouldNotContain("2026-11-20");
        journal.After.ShouldNotBeNull().ShouldContain("2026-11-20");
        var day = (await admin.GetJsonAsync("/api/v1/calendars/days?from=2026-11-20&to=2026-11-20")).AsArray().Single()!;
        ((bool?)day["isWorkingDay"]).ShouldBe(false);
        ((string?)day["note"]).ShouldBe("地方节日");
        (await admin.GetJsonAsync("/api/v1/calendars"))["years"]!.AsArray().Single(y => (int)y!["year"]! == 2026)!["source"]!.ToString().ShouldBe("administrator");
    }

    [Theory]
    [InlineData("""{"offDays":["2027-01-01"],"workingWeekends":["2027-02-10"]}""", "2027-02-10")]
    [InlineData("""{"offDays":["2027-02-30"]}""", "2027-02-30")]
    [InlineData("""{"year":2028,"days":[]}""", "2028")]
    [InlineData("""{"year":2027,"days":[{"date":"2027-01-01"}]}""", "isOffDay")]
    [InlineData("""{"holidays":[]}""", "holiday-cn")]
    public async Task A_year_with_a_mistake_is_refused_with_the_reason_and_nothing_is_stored(string body, string named)
    {
        await using var host = await TimerHosts.ManualAsync();
        var admin = await host.LoginAsync("admin");
        var response = await admin.PutAsync("/api/v1/calendars/years/2027", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "calendar-format");
        ((string?)problem["detail"] ?? "").ShouldContain(named);
        (await host.WithDbAsync(db => db.Set<StoredCalendarYear>().CountAsync(y => y.Year == 2027))).ShouldBe(0);
        (await host.JournalAsync("calendar.year.loaded")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_administrators_change_calendars()
    {
        await using var host = await TimerHosts.ManualAsync();
        var leader = await host.LoginAsync("liu.yang");
        (await leader.PutAsync("/api/v1/calendars/years/2027", Http.Json(Lists2027))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.PostAsync("/api/v1/calendars/overrides", Http.Json(new { date = "2026-11-20", isWorkingDay = false, reason = "x" }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.GetAsync("/api/v1/calendars/status")).StatusCode.ShouldBe(HttpStatusCode.OK, "everyone may read the calendar");
    }

    [Fact]
    public async Task A_bureau_override_applies_to_the_bureau_and_those_below_it_and_revoking_it_is_journaled()
    {
        await using var host = await TimerHosts.ManualAsync();
        var admin = await host.LoginAsync("admin");
        var town = await admin.PostJsonAsync("/api/v1/calendars/overrides", new { bureauCode = "BZ-NMZ", date = "2026-11-20", isWorkingDay = false, reason = "镇庙会，大厅闭厅" });
        await admin.PostJsonAsync("/api/v1/calendars/overrides", new { bureauCode = "BZ-NMZ-DYZ", date = "2026-11-21", isWorkingDay = true, reason = "周六加班集中办理" });

        async Task<bool?> Works(string bureau, string date) =>
            (bool?)(await admin.GetJsonAsync($"/api/v1/calendars/days?bureau={bureau}&from={date}&to={date}")).AsArray().Single()!["isWorkingDay"];
        (await Works("BZ-NMZ", "2026-11-20")).ShouldBe(false);
        (await Works("BZ-NMZ-DYZ", "2026-11-20")).ShouldBe(false, "the village station is below the town centre");
        (await Works("BZ-SCJG", "2026-11-20")).ShouldBe(true);
        (await Works("BZ-NMZ-DYZ", "2026-11-21")).ShouldBe(true);
        (await Works("BZ-NMZ", "2026-11-21")).ShouldBe(false);
        (await Works("BZ-SCJG", "2027-01-04")).ShouldBe(true, "2027 is not loaded: counted provisionally on the statutory holidays");

        var bureau = await Deadlines.BureauAsync(host, "BZ-NMZ");
        var due = await Deadlines.WithServiceAsync(host, (s, db) => s.CommittedDeadlineAsync(db, bureau, TimerHosts.Local(2026, 11, 19, 10), 1, default));
        due.ShouldBe(TimerHosts.Local(2026, 11, 23, 17, 30), "the closed Friday is not counted; due at the close");

        await admin.PostJsonAsync($"/api/v1/calendars/overrides/{town["id"]}/revoke", new { reason = "庙会取消" });
        (await Works("BZ-NMZ", "2026-11-20")).ShouldBe(true);
        (await host.JournalAsync("calendar.override")).Select(j => j.Action).ShouldBe(["calendar.override.added", "calendar.override.added", "calendar.override.revoked"]);
        var listed = (await admin.GetJsonAsync("/api/v1/calendars/overrides?bureau=BZ-NMZ")).AsArray();
        listed.ShouldBeEmpty("revoked overrides are hidden unless asked for");
        (await admin.GetJsonAsync("/api/v1/calendars/overrides?bureau=BZ-NMZ&includeRevoked=true")).AsArray().Single()!["revokeReason"]!.ToString().ShouldBe("庙会取消");

        var scjgAdminless = await host.LoginAsync("owner.scjg");
        (await scjgAdminless.PostAsync($"/api/v1/calendars/overrides/{town["id"]}/revoke", Http.Json(new { reason = "x" }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
