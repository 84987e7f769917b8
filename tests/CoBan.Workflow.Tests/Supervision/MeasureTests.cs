using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Tests.Cases;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Supervision;

/// <summary>
/// The figures of <see cref="OctoberCity"/>, each worked out by hand from the facts listed there (the
/// comments give the cases counted), compared with what the API computes in SQL.
/// </summary>
public sealed class MeasureTests
{
    internal static async Task<TestHost> OctoberAsync(Db db = Db.Sqlite)
    {
        var host = await CaseSteps.StartAsync(db, OctoberCity.Now);
        await OctoberCity.SeedAsync(host);
        return host;
    }

    internal static JsonNode Row(JsonNode report, string code) =>
        report["rows"]!.AsArray().Single(r => (string?)r!["subject"]!["code"] == code)!;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task October_figures_per_bureau_and_in_total_are_the_ones_counted_by_hand(Db db)
    {
        await using var host = await OctoberAsync(db);
        var supervisor = await host.LoginAsync("zhao.jian");
        var report = await supervisor.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&by=bureau");
        ((string?)report["period"]).ShouldBe("2026-10");
        report["rows"]!.AsArray().Count.ShouldBe(8, "every bureau of the city supervisor's scope has a row, with or without cases");

        var sc = Row(report, "BZ-SCJG");
        // Registered in October: A1 A2 A3 A6 A7 A8 A9 A10 A11 A12 A13 (not A4: 09-30, not A5: 11-01 00:10 Beijing time).
        Registered(sc).ShouldBe((11, 9, 1, 1, 4, 2, 4, 0, 1)); // own 9, joint A13, transfer A12; notice A8-A11, immediate A3 A13, commitment A1 A2 A6 A7, unclassified A12
        // Ended in October: A1 A2 A3 A4 A9 A12 A13 completed; A11 withdrawn.
        ((int)sc["completed"]!).ShouldBe(7);
        ((int)sc["withdrawn"]!).ShouldBe(1);
        ((int)sc["onTime"]!).ShouldBe(4);                // A1 A3 A9 A13
        ((int)sc["overdueAtCompletion"]!).ShouldBe(2);   // A2 A4
        ((int)sc["noDeadline"]!).ShouldBe(1);            // A12
        ((double)sc["onTimeRate"]!).ShouldBe(0.6667);    // 4 / 6
        ((int)sc["overdueNow"]!).ShouldBe(2);            // A5 A6 (A7 is paused)
        // Working days of the completed: 3, 6, 0, 1, 5, 0, 0 → 15 / 7 = 2.14; p90 = the 7th of 7 sorted = 6.
        Duration(sc).ShouldBe((7, 2.14, 6));
        // Notices given in October: A8 (complete after 1 supplement), A9 (after 2), A10 waiting, A11 gave up → 1 / (1 + 1).
        Notice(sc).ShouldBe((4, 1, 1, 1, 1, 0.5));
        Transfers(sc).ShouldBe((1, 1, 0, 1));            // sent A12; received B3's, refused
        ((int)sc["jointChainsCompleted"]!).ShouldBe(1);  // J1 (A13)
        Replies(sc).ShouldBe((4, 1, 1, 1, 0, 1));        // A1 in person, A2 phone, A9 SMS, A4 letter (A3's reply is 11-01 00:05)
        // Evaluations: A1 5, A2 2, A9 1, A13 3 → good 2 of 4, average 11 / 4.
        Satisfaction(sc).ShouldBe((4, "1,1,1,0,1", 2, 2, 0.5, 2.75));
        BadReviews(sc).ShouldBe((2, 1, 0, 0, 1, 0.5)); // A2 rectified in time, A9 past its date
        // Score: (40 × 0.6667 + 30 × 0.5 + 15 × 0.5 + 15 × 0.5) / 100 × 100 − 2 × 2 overdue = 56.67 − 4 = 52.7.
        ((double)sc["score"]!).ShouldBe(52.7);

        var rs = Row(report, "BZ-RSJ");
        Registered(rs).ShouldBe((4, 2, 1, 1, 0, 0, 2, 1, 1)); // B1 B2 own, B4 joint, B3 transfer; commitment B1 B4, returned B2, unclassified B3
        ((int)rs["completed"]!).ShouldBe(3);             // B1 B2 B4
        ((int)rs["onTime"]!).ShouldBe(2);                // B1 B4
        ((int)rs["noDeadline"]!).ShouldBe(1);            // B2
        ((double)rs["onTimeRate"]!).ShouldBe(1.0);
        ((int)rs["overdueNow"]!).ShouldBe(0);
        Duration(rs).ShouldBe((3, 2.0, 4));              // 4, 0, 2 → 6 / 3; p90 = 3rd of 3 = 4
        Notice(rs).ShouldBe((0, 0, 0, 0, 0, null));
        Transfers(rs).ShouldBe((1, 1, 1, 0));            // sent B3's; received A12's, accepted
        ((int)rs["jointChainsCompleted"]!).ShouldBe(1);  // J1 (B4)
        Replies(rs).ShouldBe((1, 0, 0, 0, 1, 0));        // B1 e-mail
        Satisfaction(rs).ShouldBe((2, "1,0,0,1,0", 1, 1, 0.5, 2.5));
        BadReviews(rs).ShouldBe((1, 0, 1, 0, 0, 0.0));   // B4 rectified 11-06, after 11-05 17:00
        // Score: (40 × 1 + 30 × 0.5 + 15 × 0) / (40 + 30 + 15) × 100 = 55 / 85 × 100 = 64.7 (no notice case: that weight is left out).
        ((double)rs["score"]!).ShouldBe(64.7);

        var other = Row(report, "BZ-WSJDS");
        ((int)other["registered"]!["total"]!).ShouldBe(0);
        other["score"].ShouldBeNull();

        var total = report["total"]!;
        Registered(total).ShouldBe((15, 11, 2, 2, 4, 2, 6, 1, 2));
        ((int)total["completed"]!).ShouldBe(10);
        ((double)total["onTimeRate"]!).ShouldBe(0.75);   // 6 / 8
        // 0 0 0 0 1 2 3 4 5 6 → 21 / 10; p90 = the 9th = 5.
        Duration(total).ShouldBe((10, 2.1, 5));
        Transfers(total).ShouldBe((2, 2, 1, 1));
        ((int)total["jointChainsCompleted"]!).ShouldBe(1, "J1 has links in both bureaus and is counted once in the total");
        Satisfaction(total).ShouldBe((6, "2,1,1,1,1", 3, 3, 0.5, 2.67));
        BadReviews(total).ShouldBe((3, 1, 1, 0, 1, 0.3333));

        // The drill-down lists as many cases as the figure it opens counts.
        foreach (var (measure, figure) in new[] { ("completed", 10), ("onTime", 6), ("evaluations", 6), ("badReviews", 3) })
            ((int)(await supervisor.GetJsonAsync($"/api/v1/supervision/cases?measure={measure}&period=2026-10"))["total"]!).ShouldBe(figure, measure);
    }

    [Fact]
    public async Task Period_boundaries_are_local_days_in_Asia_Shanghai()
    {
        await using var host = await OctoberAsync();
        var supervisor = await host.LoginAsync("zhao.jian");
        async Task<JsonNode> Scjg(string period) => Row(await supervisor.GetJsonAsync($"/api/v1/supervision/measures?period={period}&bureau=BZ-SCJG"), "BZ-SCJG");

        // A3 ended at 2026-10-31T23:30+08:00 (15:30 UTC): October, and the day 10-31.
        var day = await Scjg("2026-10-31");
        ((int)day["completed"]!).ShouldBe(1);
        ((int)day["registered"]!["total"]!).ShouldBe(1);
        // A5 was registered at 2026-11-01T00:10+08:00, which is still 10-31 in UTC: November. A3's reply at 00:05 too.
        var november = await Scjg("2026-11");
        ((int)november["registered"]!["total"]!).ShouldBe(1);
        ((int)november["replies"]!["total"]!).ShouldBe(1);
        ((int)november["completed"]!).ShouldBe(0);
        // A4 was registered on 09-30 at 16:00 and ended on 10-08: registered in September, completed in October.
        var september = await Scjg("2026-09");
        ((int)september["registered"]!["total"]!).ShouldBe(1);
        ((int)september["completed"]!).ShouldBe(0);
        // The same boundaries as explicit dates.
        var custom = await Scjg("&from=2026-10-31&to=2026-11-01");
        ((int)custom["registered"]!["total"]!).ShouldBe(2);

        var completed = await supervisor.GetJsonAsync("/api/v1/supervision/cases?measure=completed&period=2026-10-31&bureau=BZ-SCJG");
        ((int)completed["total"]!).ShouldBe(1);
        ((int?)completed["rows"]![0]!["workingDays"]).ShouldBe(0);
    }

    [Fact]
    public async Task Figures_per_coordinator_count_the_cases_they_own_and_the_replies_and_transfers_they_answered()
    {
        await using var host = await OctoberAsync();
        var supervisor = await host.LoginAsync("zhao.jian");
        var report = await supervisor.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&by=coordinator&bureau=BZ-SCJG");
        var zhang = Row(report, "zhang.wei");
        ((string?)zhang["subject"]!["name"]).ShouldBe("张伟");
        ((int)zhang["registered"]!["total"]!).ShouldBe(6);       // A1 A2 A6 A9 A10 A12
        ((int)zhang["completed"]!).ShouldBe(4);                   // A1 A2 A9 A12
        ((int)zhang["onTime"]!).ShouldBe(2);                      // A1 A9
        ((int)zhang["overdueNow"]!).ShouldBe(2);                  // A5 A6
        Duration(zhang).ShouldBe((4, 3.5, 6));                   // 3 6 5 0 → 14 / 4; p90 = 4th of 4 = 6
        Notice(zhang).ShouldBe((2, 0, 1, 1, 0, 0.0));            // A9 later, A10 waiting
        Transfers(zhang).ShouldBe((1, 1, 0, 1));                 // sent A12; answered (refused) B3's
        ((int)zhang["replies"]!["total"]!).ShouldBe(3);           // A1 A2 A9
        Satisfaction(zhang).ShouldBe((3, "1,1,0,0,1", 1, 2, 0.3333, 2.67));

        var li = Row(report, "li.na");
        ((int)li["registered"]!["total"]!).ShouldBe(5);           // A3 A7 A8 A11 A13
        ((int)li["completed"]!).ShouldBe(3);                      // A3 A4 A13
        ((int)li["withdrawn"]!).ShouldBe(1);                      // A11
        report["rows"]!.AsArray().Select(r => (string?)r!["subject"]!["code"]).ShouldContain("wang.fang", "the chief coordinator has a row of zeros");

        var matters = await supervisor.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&by=matter&bureau=BZ-SCJG");
        ((int)Row(matters, "SCJG-002")["registered"]!["total"]!).ShouldBe(6); // A1 A2 A6 A7 A10 A12
    }

    [Fact]
    public async Task A_coordinator_sees_only_their_own_figures_and_a_duty_leader_only_their_bureau()
    {
        await using var host = await OctoberAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var own = await zhang.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&by=coordinator");
        own["rows"]!.AsArray().Select(r => (string?)r!["subject"]!["code"]).ShouldBe(["zhang.wei"]);
        var byBureau = await zhang.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&by=bureau");
        byBureau["rows"]!.AsArray().Count.ShouldBe(1);
        ((int)Row(byBureau, "BZ-SCJG")["registered"]!["total"]!).ShouldBe(6, "his six, not the bureau's eleven");
        ((int)byBureau["total"]!["transfers"]!["received"]!).ShouldBe(1, "the one he answered");
        await (await zhang.GetAsync("/api/v1/supervision/measures?period=2026-10&bureau=BZ-RSJ")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var cases = await zhang.GetJsonAsync("/api/v1/supervision/cases?measure=registered&period=2026-10&pageSize=100");
        cases["rows"]!.AsArray().Select(r => (string?)r!["ownerUserName"]).Distinct().ShouldBe(["zhang.wei"]);
        await (await zhang.GetAsync("/api/v1/supervision/cases?measure=registered&period=2026-10&coordinator=li.na")).ShouldSucceedAsync();
        ((int)(await zhang.GetJsonAsync("/api/v1/supervision/cases?measure=registered&period=2026-10&coordinator=li.na"))["total"]!).ShouldBe(0);

        var leader = await host.LoginAsync("liu.yang");
        var bureau = await leader.GetJsonAsync("/api/v1/supervision/measures?period=2026-10");
        bureau["rows"]!.AsArray().Count.ShouldBe(1);
        ((int)Row(bureau, "BZ-SCJG")["registered"]!["total"]!).ShouldBe(11);
        await (await leader.GetAsync("/api/v1/supervision/measures?period=2026-10&bureau=BZ-ZWZX")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var owner = await host.LoginAsync("owner.scjg");
        await (await owner.GetAsync("/api/v1/supervision/measures")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Supervisors_see_every_bureau_in_their_scope_and_no_other()
    {
        await using var host = await OctoberAsync();
        var admin = await host.LoginAsync("admin");
        await (await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "nmz.zuofeng", displayName = "南孟镇作风办", bureauCode = "BZ-NMZ", roles = new[] { "supervisor" }, password = Demo.DemoData.Password,
        })).ShouldSucceedAsync();

        var city = await host.LoginAsync("zhao.jian");
        (await city.GetJsonAsync("/api/v1/supervision/measures?period=2026-10"))["rows"]!.AsArray().Count.ShouldBe(8);
        var towns = await city.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&level=townCentre");
        towns["rows"]!.AsArray().Select(r => (string?)r!["subject"]!["code"]).ShouldBe(["BZ-NMZ"]);
        var subtree = await city.GetJsonAsync("/api/v1/supervision/measures?period=2026-10&bureau=BZ-NMZ");
        subtree["rows"]!.AsArray().Select(r => (string?)r!["subject"]!["code"]).ShouldBe(["BZ-NMZ", "BZ-NMZ-DYZ"], ignoreOrder: true);

        var town = await host.LoginAsync("nmz.zuofeng");
        var own = await town.GetJsonAsync("/api/v1/supervision/measures?period=2026-10");
        own["rows"]!.AsArray().Select(r => (string?)r!["subject"]!["code"]).ShouldBe(["BZ-NMZ", "BZ-NMZ-DYZ"], ignoreOrder: true);
        ((int)own["total"]!["registered"]!["total"]!).ShouldBe(0);
        await (await town.GetAsync("/api/v1/supervision/measures?period=2026-10&bureau=BZ-SCJG")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await town.GetAsync("/api/v1/supervision/follow-ups?bureau=BZ-SCJG")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        ((int)(await town.GetJsonAsync("/api/v1/supervision/follow-ups"))["total"]!).ShouldBe(0);
    }

    // ------------------------------------------------------------------ reading the figures

    internal static (int, int, int, int, int, int, int, int, int) Registered(JsonNode f)
    {
        var r = f["registered"]!;
        return ((int)r["total"]!, (int)r["own"]!, (int)r["joint"]!, (int)r["transfer"]!, (int)r["notice"]!, (int)r["immediate"]!, (int)r["commitment"]!,
            (int)r["returned"]!, (int)r["unclassified"]!);
    }

    internal static (int, double?, int?) Duration(JsonNode f)
    {
        var d = f["workingDays"]!;
        return ((int)d["count"]!, (double?)d["average"], (int?)d["p90"]);
    }

    internal static (int, int, int, int, int, double?) Notice(JsonNode f)
    {
        var n = f["oneTimeNotice"]!;
        return ((int)n["notices"]!, (int)n["secondVisit"]!, (int)n["later"]!, (int)n["waiting"]!, (int)n["gaveUp"]!, (double?)n["rate"]);
    }

    internal static (int, int, int, int) Transfers(JsonNode f)
    {
        var t = f["transfers"]!;
        return ((int)t["sent"]!, (int)t["received"]!, (int)t["accepted"]!, (int)t["refused"]!);
    }

    internal static (int, int, int, int, int, int) Replies(JsonNode f)
    {
        var r = f["replies"]!;
        return ((int)r["total"]!, (int)r["inPerson"]!, (int)r["phone"]!, (int)r["sms"]!, (int)r["email"]!, (int)r["letter"]!);
    }

    internal static (int, string, int, int, double?, double?) Satisfaction(JsonNode f)
    {
        var s = f["satisfaction"]!;
        return ((int)s["total"]!, string.Join(",", s["levels"]!.AsArray().Select(l => (int)l!)), (int)s["good"]!, (int)s["bad"]!, (double?)s["goodRate"], (double?)s["averageLevel"]);
    }

    internal static (int, int, int, int, int, double?) BadReviews(JsonNode f)
    {
        var b = f["badReviews"]!;
        return ((int)b["total"]!, (int)b["rectifiedOnTime"]!, (int)b["rectifiedLate"]!, (int)b["open"]!, (int)b["openOverdue"]!, (double?)b["onTimeRate"]);
    }
}
