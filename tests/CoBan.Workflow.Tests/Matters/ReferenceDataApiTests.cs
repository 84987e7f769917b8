using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Matters;

/// <summary>Bureaus, matters and users: administrators maintain those in their scope; everyone reads.</summary>
public class ReferenceDataApiTests
{
    [Fact]
    public async Task An_administrator_adds_a_bureau_a_joint_matter_and_its_staff_and_a_coordinator_only_reads()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        var bureau = await (await admin.PostAsync("/api/v1/bureaus", Http.Json(new
        {
            code = "BZ-NMZ-XZ", name = "南孟镇西庄村便民服务站", level = "villageStation", parentCode = "BZ-NMZ", windows = "村委会", phone = "0316-7510111",
            supervisionHotline = "0316-7510099", rectificationWorkingDays = 15,
        }))).JsonAsync();
        ((string)bureau["levelLabel"]!).ShouldBe("社区（村）便民服务站");
        var above = await admin.PostAsync("/api/v1/bureaus", Http.Json(new { code = "BZ-X", name = "x", level = "cityCentre", parentCode = "BZ-NMZ" }));
        (await above.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["level"].ShouldNotBeNull();

        var matter = await (await admin.PostAsync("/api/v1/matters", Http.Json(new
        {
            bureauCode = "BZ-WSJDS", code = "WSJ-100", name = "游泳场所开办", limitWorkingDays = 20, legalBasis = "《公共场所卫生管理条例》", tolerantAcceptance = true,
            materials = new object[] { new { name = "申请表", required = true }, new { name = "水质检测报告", required = true, note = "近三个月" } },
            chain = new object[] { new { bureauCode = "BZ-WSJDS", part = "卫生许可" }, new { bureauCode = "BZ-SCJG", part = "营业执照" } },
        }))).JsonAsync();
        ((bool)matter["isJoint"]!).ShouldBeTrue();
        matter["chain"]!.AsArray().Select(l => (string)l!["bureauCode"]!).ShouldBe(["BZ-WSJDS", "BZ-SCJG"]);
        var badChain = await admin.PutAsync($"/api/v1/matters/{(long)matter["id"]!}", Http.Json(new { chain = new object[] { new { bureauCode = "BZ-SCJG", part = "x" }, new { bureauCode = "BZ-RSJ", part = "y" } }, limitWorkingDays = -1 }));
        var errors = (await badChain.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.ShouldBe(["limitWorkingDays", "chain"], ignoreOrder: true);

        var user = await (await admin.PostAsync("/api/v1/users", Http.Json(new
        {
            userName = "lin.xia", displayName = "林霞", bureauCode = "BZ-NMZ-XZ", roles = new[] { "coordinator" }, title = "村代办员", password = "demo1234",
        }))).JsonAsync();
        ((string)user["bureauCode"]!).ShouldBe("BZ-NMZ-XZ");
        var roles = await admin.PutJsonAsync("/api/v1/users/lin.xia/roles", new { roles = new[] { "coordinator", "chiefCoordinator" } });
        roles["roles"]!.AsArray().Select(r => (string)r!).ShouldBe(["chiefCoordinator", "coordinator"]);
        await (await admin.PutAsync("/api/v1/users/lin.xia/roles", Http.Json(new { roles = new[] { "king" } }))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var lin = await host.LoginAsync("lin.xia");
        (await lin.GetJsonAsync("/api/v1/me"))["bureauCode"]!.GetValue<string>().ShouldBe("BZ-NMZ-XZ");
        await admin.PutJsonAsync("/api/v1/users/lin.xia", new { active = false });
        var login = await host.Anonymous().PostAsync("/api/v1/auth/login", Http.Json(new { userName = "lin.xia", password = "demo1234" }));
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var zhang = await host.LoginAsync("zhang.wei");
        (await zhang.GetJsonAsync("/api/v1/matters?bureau=BZ-SCJG")).AsArray().Count.ShouldBe(5);
        (await zhang.GetJsonAsync("/api/v1/bureaus")).AsArray().Count.ShouldBe(9);
        await (await zhang.PostAsync("/api/v1/matters", Http.Json(new { bureauCode = "BZ-SCJG", code = "X", name = "x", limitWorkingDays = 1 }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await zhang.PutAsync("/api/v1/bureaus/BZ-SCJG", Http.Json(new { phone = "1" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await zhang.GetJsonAsync("/api/v1/users")).AsArray().ShouldAllBe(u => (string)u!["bureauCode"]! == "BZ-SCJG");
    }

    [Fact]
    public async Task A_town_administrator_cannot_edit_bureaus_or_staff_outside_the_town()
    {
        await using var host = await StartAsync();
        var admin = await host.LoginAsync("admin");
        await admin.PostJsonAsync("/api/v1/users", new { userName = "town.admin", displayName = "镇管理员", bureauCode = "BZ-NMZ", roles = new[] { "administrator" }, password = "demo1234" });
        var town = await host.LoginAsync("town.admin");
        await town.PutJsonAsync("/api/v1/bureaus/BZ-NMZ-DYZ", new { serviceHours = "每周三全天" });
        await (await town.PutAsync("/api/v1/bureaus/BZ-SCJG", Http.Json(new { phone = "1" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await town.PutAsync("/api/v1/users/zhang.wei", Http.Json(new { active = false }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await town.GetJsonAsync("/api/v1/users")).AsArray().Select(u => (string)u!["bureauCode"]!).Distinct().Order().ShouldBe(["BZ-NMZ", "BZ-NMZ-DYZ"]);
        var ownDisable = await admin.PutAsync("/api/v1/users/admin", Http.Json(new { active = false }));
        (await ownDisable.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["active"].ShouldNotBeNull();
    }
}
