using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>社区（村）全程代办 (seed 004): station → triplicate slip → town centre → result back to the agent → applicant told.</summary>
public class VillageAgencyTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_village_agent_registers_the_request_prints_the_slip_and_the_town_centre_handles_it_within_the_limit(Db db)
    {
        await using var host = await StartAsync(db);
        var guo = await host.LoginAsync("guo.mei");
        var noEntrustment = await guo.PostAsync("/api/v1/cases", Http.Json(Registration("NMZ-004", "BZ-NMZ", ["居民身份证", "户口簿", "银行卡"], mode: "agency")));
        (await noEntrustment.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["entrustment"].ShouldNotBeNull();

        var id = Id(await RegisterAsync(guo, Registration("NMZ-004", "BZ-NMZ", ["居民身份证", "户口簿", "银行卡"], mode: "agency", entrustment: "代理事项登记本第 0012 号")));
        var forwarded = await CaseAsync(guo, id);
        Status(forwarded).ShouldBe("handling");
        ((string)forwarded["forwardedTo"]!["code"]!).ShouldBe("BZ-NMZ");
        // NMZ-004 has 10 working days from 2026-09-30 09:00, ending when the station closes (it posts 8:30-11:30).
        DateTimeOffset.Parse((string)forwarded["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 10, 20, 11, 30, 0, TimeSpan.FromHours(8)));
        (await NoticesAsync(guo, id)).ShouldBe(["village-slip"]);

        // The town centre's coordinators see the forwarded request and one of them handles it.
        var ma = await host.LoginAsync("ma.li");
        var town = await TaskAsync(ma, id, "town");
        town["assigneeUserName"].ShouldBeNull();
        await CompleteAsync(ma, id, "town", new { outcome = "approved", result = "高龄津贴已核定，次月发放" });
        var collect = await TaskAsync(guo, id, "collect");
        ((string)collect["assigneeUserName"]!).ShouldBe("guo.mei");
        await CompleteAsync(guo, id, "collect", new { collectedAt = "2026-10-09" });
        await CompleteAsync(guo, id, "log", new { replyMethod = "inPerson", handling = "入户告知并交付结果", signature = SignaturePng });
        var done = await CaseAsync(guo, id);
        Status(done).ShouldBe("completedApproved");
        ((string)done["owner"]!["userName"]!).ShouldBe("guo.mei");
        (await NoticesAsync(guo, id)).ShouldBe(["village-slip", "completion-reply"]);

        // A bureau with no link to the request does not see it.
        var chen = await host.LoginAsync("chen.jing");
        await (await chen.GetAsync($"/api/v1/cases/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_home_visit_collects_the_documents_and_an_incomplete_request_is_explained_on_the_spot_with_the_full_list()
    {
        await using var host = await StartAsync();
        var guo = await host.LoginAsync("guo.mei");
        var visitAt = new DateTimeOffset(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8));
        var id = Id(await RegisterAsync(guo, Registration("NMZ-004", "BZ-NMZ", ["居民身份证"], mode: "agency", entrustment: "登记本第 0013 号", homeVisitAt: visitAt)));
        var visit = await TaskAsync(guo, id, "visit");
        DateTimeOffset.Parse((string)visit["due"]!).ShouldBe(visitAt);
        await CompleteAsync(guo, id, "visit", new { visitedAt = "2026-09-30", received = new[] { "户口簿" }, note = "老人行动不便，入户协助填表" });

        Status(await CaseAsync(guo, id)).ShouldBe("supplementStarted");
        (await NoticesAsync(guo, id)).ShouldBe(["one-time-notice"]);
        await CompleteAsync(guo, id, "supplement", new { received = new[] { "银行卡" } });
        Status(await CaseAsync(guo, id)).ShouldBe("handling");
        (await NoticesAsync(guo, id)).ShouldBe(["one-time-notice", "village-slip"]);

        var zhang = await host.LoginAsync("zhang.wei");
        var desk = await zhang.PostAsync("/api/v1/cases", Http.Json(Registration("SCJG-001", "BZ-SCJG", SoleTraderAll, homeVisitAt: visitAt)));
        (await desk.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["homeVisitAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_village_applicant_who_brings_part_of_the_list_waits_on_it_and_may_withdraw()
    {
        await using var host = await StartAsync();
        var guo = await host.LoginAsync("guo.mei");
        var id = Id(await RegisterAsync(guo, Registration("NMZ-004", "BZ-NMZ", ["居民身份证"], mode: "agency", entrustment: "登记本第 0014 号")));
        await CompleteAsync(guo, id, "supplement", new { received = new[] { "户口簿" } });
        (await OpenTasksAsync(guo, id)).ShouldBe(["supplement"]);
        (await CaseAsync(guo, id))["missing"]!.AsArray().Select(m => (string)m!).ShouldBe(["银行卡"]);
        await CompleteAsync(guo, id, "supplement", new { withdrawn = true });
        Status(await CaseAsync(guo, id)).ShouldBe("withdrawn");
        (await NoticesAsync(guo, id)).ShouldBe(["one-time-notice"]);
        (await OpenTasksAsync(guo, id)).ShouldBeEmpty();
    }
}
