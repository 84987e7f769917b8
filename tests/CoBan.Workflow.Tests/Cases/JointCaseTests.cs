using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>联办件 (seeds 000/001): each bureau of the chain handles its part as an own case, in order.</summary>
public class JointCaseTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_joint_case_runs_down_its_three_bureau_chain_each_link_owned_by_the_coordinator_on_duty_there(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var first = Id(await RegisterAsync(zhang, Registration("SCJG-004", "BZ-SCJG", CompanyAll, mode: "joint",
            applicant: Applicant("霸州市恒通商贸有限公司", "13911112222", "enterprise", "林峰"))));
        var registered = await CaseAsync(zhang, first);
        ((string)registered["summary"]!["category"]!["code"]!).ShouldBe("joint");
        ((int)registered["summary"]!["chainPosition"]!).ShouldBe(1);

        await CompleteAsync(zhang, first, "review", new { kind = "immediate" });
        await CompleteAsync(zhang, first, "handle_now", new { outcome = "approved", result = "已核发营业执照" });
        await CompleteAsync(zhang, first, "log_now", InPersonLog);
        var handed = await CaseAsync(zhang, first);
        Status(handed).ShouldBe("handedOver");
        (await NoticesAsync(zhang, first)).ShouldBe(["completion-reply", "coordination-log", "joint-guidance"]);

        var chain = await zhang.GetJsonAsync($"/api/v1/cases/{first}/chain");
        var links = chain["links"]!.AsArray();
        links.Select(l => (string)l!["bureau"]!["code"]!).ShouldBe(["BZ-SCJG", "BZ-SWJ", "BZ-RSJ"]);
        var second = (long)links[1]!["caseId"]!;
        ((string)links[1]!["ownerName"]!).ShouldBe("郑涛");
        links[2]!["caseId"].ShouldBeNull();

        // The tax bureau's coordinator on duty handles the next part as an own case; the first contact stays zhang.wei (首问负责).
        var zheng = await host.LoginAsync("zheng.tao");
        var next = await CaseAsync(zheng, second);
        ((string)next["summary"]!["matterName"]!).ShouldBe("税务信息确认和发票申领");
        ((string)next["firstContact"]!["userName"]!).ShouldBe("zhang.wei");
        ((long)next["sourceCaseId"]!).ShouldBe(first);
        await CompleteAsync(zheng, second, "review", new { kind = "commitment", committedDays = 1 });
        await CompleteAsync(zheng, second, "handle", new { outcome = "approved" });
        await CompleteAsync(zheng, second, "log", InPersonLog);
        Status(await CaseAsync(zheng, second)).ShouldBe("handedOver");

        var third = (long)(await zheng.GetJsonAsync($"/api/v1/cases/{second}/chain"))["links"]![2]!["caseId"]!;
        var rsj = await host.LoginAsync((string)(await zheng.GetJsonAsync($"/api/v1/cases/{third}"))["owner"]!["userName"]!);
        await CompleteAsync(rsj, third, "review", new { kind = "immediate" });
        await CompleteAsync(rsj, third, "handle_now", new { outcome = "approved" });
        await CompleteAsync(rsj, third, "log_now", InPersonLog);
        Status(await CaseAsync(rsj, third)).ShouldBe("completedApproved");

        var whole = await rsj.GetJsonAsync($"/api/v1/cases/{third}/chain");
        ((bool)whole["completed"]!).ShouldBeTrue();
        ((string)whole["firstContact"]!["userName"]!).ShouldBe("zhang.wei");
        whole["links"]!.AsArray().Select(l => (string)l!["status"]!["code"]!).ShouldBe(["handedOver", "handedOver", "completedApproved"]);
        (await JournalAsync(rsj, third)).Select(j => (string)j["action"]!).ShouldContain("chain.completed");

        // Bureaus of the chain read each other's cases; a bureau outside it does not.
        var zhou = await host.LoginAsync("zhou.hui");
        await (await zhou.GetAsync($"/api/v1/cases/{first}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await zhou.GetAsync($"/api/v1/cases/{first}/chain")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_joint_case_brought_first_to_a_later_link_is_guided_to_the_first_links_bureau()
    {
        await using var host = await StartAsync();
        var zheng = await host.LoginAsync("zheng.tao");
        var entry = Id(await RegisterAsync(zheng, Registration("SCJG-004", "BZ-SCJG", CompanyAll, mode: "joint")));
        var guided = await CaseAsync(zheng, entry);
        Status(guided).ShouldBe("handedOver");
        ((string)guided["summary"]!["category"]!["code"]!).ShouldBe("joint");
        (await NoticesAsync(zheng, entry)).ShouldBe(["joint-guidance"]);
        (await OpenTasksAsync(zheng, entry)).ShouldBe(["log_guide"]);
        await CompleteAsync(zheng, entry, "log_guide", InPersonLog);

        var chain = await zheng.GetJsonAsync($"/api/v1/cases/{entry}/chain");
        var firstLink = (long)chain["links"]![0]!["caseId"]!;
        var zhang = await host.LoginAsync("zhang.wei");
        var first = await CaseAsync(zhang, firstLink);
        ((string)first["owner"]!["userName"]!).ShouldBe("zhang.wei");
        ((string)first["firstContact"]!["userName"]!).ShouldBe("zheng.tao");
        ((string)first["summary"]!["matterName"]!).ShouldBe("有限责任公司设立登记");
        (await OpenTasksAsync(zhang, firstLink)).ShouldBe(["review"]);
    }

    [Fact]
    public async Task A_link_that_ends_without_its_part_done_stops_the_chain()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var first = Id(await RegisterAsync(zhang, Registration("SCJG-004", "BZ-SCJG", CompanyAll, mode: "joint")));
        await CompleteAsync(zhang, first, "review", new { kind = "immediate" });
        await CompleteAsync(zhang, first, "handle_now", new { outcome = "rejected", result = "企业名称不符合规定" });
        await CompleteAsync(zhang, first, "log_now", InPersonLog);
        Status(await CaseAsync(zhang, first)).ShouldBe("completedRejected");
        var chain = await zhang.GetJsonAsync($"/api/v1/cases/{first}/chain");
        chain["stoppedAt"].ShouldNotBeNull();
        ((bool)chain["completed"]!).ShouldBeFalse();
        chain["links"]![1]!["caseId"].ShouldBeNull();
    }
}
