using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Public;

/// <summary>代办事项范围 posted for all (seed 004 上墙公示) and the duty board's mobiles by the bureau's choice (seed 001; issue 21).</summary>
public class AgencyCatalogueTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task An_anonymous_visitor_finds_each_bureaus_agency_catalogue_with_materials_limits_fees_windows_and_hours_and_nothing_internal(Db db)
    {
        await using var host = await StartAsync(db);
        var anonymous = host.Anonymous();
        var all = (await anonymous.GetJsonAsync("/api/v1/public/matters")).AsArray();
        all.Count.ShouldBe(8, "every active bureau posts its scope");

        var response = await anonymous.GetAsync("/api/v1/public/matters?bureau=BZ-SCJG");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var scjg = (await response.JsonAsync()).AsArray().ShouldHaveSingleItem()!;
        ((string?)scjg["bureau"]!["windows"]).ShouldBe("政务服务中心 3 号、4 号窗口；201 室");
        scjg["bureau"]!["serviceHours"].ShouldNotBeNull();
        var food = scjg["matters"]!.AsArray().Single(m => (string?)m!["code"] == "SCJG-002")!;
        ((string?)food["name"]).ShouldBe("食品经营许可（新办）");
        ((string?)food["limit"]).ShouldBe("10 个工作日");
        ((string?)food["fees"]).ShouldBe("免费");
        ((string?)food["inPersonSteps"]).ShouldBe("现场核查时经营者在场");
        food["materials"]!.AsArray().Select(x => (string?)x!["name"]).ShouldContain("食品安全管理制度");
        var startUp = scjg["matters"]!.AsArray().Single(m => (string?)m!["code"] == "SCJG-004")!;
        startUp["chainBureaus"]!.AsArray().Count.ShouldBe(3);
        var text = scjg.ToJsonString();
        text.ShouldNotContain("remindBefore");
        text.ShouldNotContain("\"id\"");
        (await anonymous.GetAsync("/api/v1/public/matters?bureau=BZ-NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await anonymous.GetAsync("/public/matters?bureau=BZ-SCJG");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("代办事项范围");
        html.ShouldContain("食品经营许可（新办）");
        html.ShouldContain("食品安全管理制度");
        (await anonymous.GetStringAsync("/public")).ShouldContain("/public/matters");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_duty_board_shows_mobiles_only_where_the_bureau_chose_to_publish_them(Db db)
    {
        await using var host = await StartAsync(db);
        var board = await host.Anonymous().GetJsonAsync("/api/v1/public/bureaus/BZ-SCJG/duty");
        board.ToJsonString().ShouldNotContain("13800000005", customMessage: "off by default");
        (await host.Anonymous().GetStringAsync("/public/duty/BZ-SCJG")).ShouldNotContain("13800000005");

        var admin = await host.LoginAsync("admin");
        var bureau = await admin.PutJsonAsync("/api/v1/bureaus/BZ-SCJG", new { publishDutyMobiles = true });
        ((bool)bureau["publishDutyMobiles"]!).ShouldBeTrue();
        board = await host.Anonymous().GetJsonAsync("/api/v1/public/bureaus/BZ-SCJG/duty");
        ((string?)board["coordinators"]![0]!["mobile"]).ShouldBe("13800000005");
        ((string?)board["dutyLeader"]!["mobile"]).ShouldBe("13800000007");
        (await host.Anonymous().GetStringAsync("/public/duty/BZ-SCJG")).ShouldContain("13800000005");
        (await host.Anonymous().GetJsonAsync("/api/v1/public/bureaus/BZ-RSJ/duty")).ToJsonString().ShouldNotContain("\"mobile\":\"1", customMessage: "another bureau keeps its own choice");
    }
}
