using System.Net;
using System.Text;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Rosters;

/// <summary>Duty rosters (seeds 000/001): who is on duty answers task assignment, and the quarterly schedule is exported and printed.</summary>
public class RosterApiTests
{
    [Fact]
    public async Task An_administrator_names_todays_duty_leader_and_the_duty_leader_task_goes_to_that_person()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = "qian.hong", displayName = "钱红", bureauCode = "BZ-SCJG", roles = new[] { "dutyLeader" }, title = "副局长", office = "204 室",
            officePhone = "0316-7221204", mobile = "13800000099", password = "demo1234",
        });
        var day = await admin.PutJsonAsync("/api/v1/rosters/BZ-SCJG/2026-09-30", new { coordinators = new[] { "zhang.wei" }, dutyLeader = "qian.hong" });
        ((string)day["dutyLeader"]!["displayName"]!).ShouldBe("钱红");
        var wrong = await admin.PutAsync("/api/v1/rosters/BZ-SCJG/2026-09-30", Http.Json(new { coordinators = new[] { "chen.jing" } }));
        ((string)(await wrong.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["coordinators"]![0]!).ShouldContain("chen.jing");

        var zhang = await host.LoginAsync("zhang.wei");
        var now = await zhang.GetJsonAsync("/api/v1/rosters/BZ-SCJG/now");
        ((bool)now["fromRoster"]!).ShouldBeTrue();
        ((string)now["dutyLeader"]!["userName"]!).ShouldBe("qian.hong");
        var li = await host.LoginAsync("li.na");
        await (await li.PostAsync("/api/v1/cases", Http.Json(Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not-on-duty");

        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 1 });
        // Due at the close of 10-08 (its last working day); overdue from then, the duty leader hears at the next opening.
        host.Clock.Set(new DateTimeOffset(2026, 10, 9, 9, 30, 0, TimeSpan.FromHours(8)));
        // 10-08 and 10-09 still have the seeded roster (liu.yang); today's change does not reach them.
        await FireDueTimersAsync(host);
        var leader = await host.LoginAsync("liu.yang");
        ((string)(await TaskAsync(leader, id, "supervise"))["assigneeUserName"]!).ShouldBe("liu.yang");
    }

    [Fact]
    public async Task Without_a_roster_the_role_holders_are_on_duty_and_a_village_station_answers_with_its_town_centres_leader()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        await admin.DeleteAsync("/api/v1/rosters/BZ-RSJ/2026-09-30");
        var chen = await host.LoginAsync("chen.jing");
        var now = await chen.GetJsonAsync("/api/v1/rosters/BZ-RSJ/now");
        ((bool)now["fromRoster"]!).ShouldBeFalse();
        now["coordinators"]!.AsArray().Select(c => (string)c!["userName"]!).ShouldBe(["chen.jing", "sun.yue"]);
        // Anyone of the bureau's coordinators registers when there is no roster for the day.
        var sun = await host.LoginAsync("sun.yue");
        await RegisterAsync(sun, Registration("RSJ-001", "BZ-RSJ", ["居民身份证", "近期免冠证件照"]));

        var guo = await host.LoginAsync("guo.mei");
        var station = await guo.GetJsonAsync("/api/v1/public/bureaus/BZ-NMZ-DYZ/duty");
        station["coordinators"]!.AsArray().Select(c => (string)c!["name"]!).ShouldBe(["郭梅"]);
    }

    [Fact]
    public async Task A_rotation_fills_working_days_only_and_the_quarterly_schedule_exports_as_csv_and_prints_as_html()
    {
        await using var host = await StartAsync();
        var wang = await host.LoginAsync("wang.fang"); // the chief coordinator keeps her bureau's roster
        var result = await wang.PostJsonAsync("/api/v1/rosters/BZ-SCJG/rotation", new
        {
            from = "2026-10-01", to = "2026-10-11", coordinators = new[] { "zhang.wei", "li.na" }, coordinatorsPerDay = 1, dutyLeaders = new[] { "liu.yang" },
        });
        // National Day 10-01..07 off, 10-08 and 10-09 on, 10-10 a working Saturday, 10-11 Sunday off.
        ((int)result["days"]!).ShouldBe(3);
        var days = (await wang.GetJsonAsync("/api/v1/rosters/BZ-SCJG?from=2026-10-08&to=2026-10-10")).AsArray();
        days.Select(d => (string)d!["coordinators"]![0]!["userName"]!).ShouldBe(["zhang.wei", "li.na", "zhang.wei"]);
        var zhang = await host.LoginAsync("zhang.wei");
        await (await zhang.PostAsync("/api/v1/rosters/BZ-SCJG/rotation", Http.Json(new { from = "2026-10-01", to = "2026-10-02", coordinators = new[] { "zhang.wei" } })))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var schedule = await zhang.GetJsonAsync("/api/v1/rosters/BZ-SCJG/schedule?year=2026&quarter=4");
        ((string)schedule["reportBy"]!).ShouldBe("2026-10-05");
        var lines = schedule["lines"]!.AsArray();
        var li = lines.Single(l => (string)l!["name"]! == "李娜")!;
        ((string)li["title"]!).ShouldBe("登记科科员");
        ((string)li["mobile"]!).ShouldBe("13800000006");
        ((string)li["dutyTimes"]!).ShouldContain("10月9日");
        lines.ShouldContain(l => (string)l!["role"]! == "值班领导" && (string)l["name"]! == "刘洋");

        var csv = await zhang.GetAsync("/api/v1/rosters/BZ-SCJG/schedule?year=2026&quarter=4&format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldContain("角色,姓名,职务,办公地点,办公电话,手机,值班时间");
        text.ShouldContain("协办员,李娜,登记科科员,4 号窗口,0316-7221004,13800000006,");
        var html = await (await zhang.GetAsync("/api/v1/rosters/BZ-SCJG/schedule?year=2026&quarter=4&format=html")).Content.ReadAsStringAsync();
        html.ShouldContain("霸州市市场监督管理局2026年第4季度协办员和值班领导服务时间安排表");
        html.ShouldContain("@media print");
        await (await zhang.GetAsync("/api/v1/rosters/BZ-SCJG/schedule?quarter=5")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
