using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>移办件 and 转办 (seeds 000/001/003): reasons, basis and competent bureau; hand-over; acceptance or refusal there.</summary>
public class TransferCaseTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_case_outside_the_bureaus_scope_is_transferred_and_the_competent_bureau_registers_it(Db db)
    {
        await using var host = await StartAsync(db);
        var han = await host.LoginAsync("han.bing");
        var id = Id(await RegisterAsync(han, Registration("SCJG-001", "BZ-SCJG", ["个体工商户登记申请书", "经营者身份证明"])));
        var registered = await CaseAsync(han, id);
        ((string)registered["summary"]!["category"]!["code"]!).ShouldBe("transfer");
        (await OpenTasksAsync(han, id)).ShouldBe(["notify"]);

        await CompleteAsync(han, id, "notify", new { reasons = "个体工商户登记属市场监督管理局职责", legalBasis = "《促进个体工商户发展条例》第四条" });
        (await NoticesAsync(han, id)).ShouldBe(["transfer-notice"]);
        var zhang = await host.LoginAsync("zhang.wei");
        var incoming = (await zhang.GetJsonAsync("/api/v1/transfers?direction=incoming")).AsArray().ShouldHaveSingleItem()!;
        ((string)incoming["status"]!).ShouldBe("sent");
        // The receiving bureau reads the sending case, and answers the transfer from it.
        await CompleteAsync(zhang, id, "receive", new { decision = "accept" });

        var sent = await CaseAsync(han, id);
        Status(sent).ShouldBe("transferred");
        var transfer = sent["transfers"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)transfer["status"]!).ShouldBe("accepted");
        ((bool)transfer["crossLevel"]!).ShouldBeFalse();
        var receivingId = (long)transfer["receivingCaseId"]!;
        var receiving = await CaseAsync(zhang, receivingId);
        ((string)receiving["summary"]!["number"]!).ShouldStartWith("BZ-SCJG-2026-");
        ((string)receiving["owner"]!["userName"]!).ShouldBe("zhang.wei");
        ((string)receiving["firstContact"]!["userName"]!).ShouldBe("han.bing");
        ((string)receiving["summary"]!["category"]!["code"]!).ShouldBe("own");
        (await OpenTasksAsync(zhang, receivingId)).ShouldBe(["review"]);
        (await OpenTasksAsync(han, id)).ShouldBe(["log"]);
        await CompleteAsync(han, id, "log", new { replyMethod = "inPerson", handling = "已导引至市场监管局 3 号窗口", signedOnPaper = true });
        (await JournalAsync(han, id)).Select(j => (string)j["action"]!).ShouldContain("case.transfer");
    }

    [Fact]
    public async Task Transferring_to_the_same_bureau_is_refused_naming_the_field_and_nothing_changes()
    {
        await using var host = await StartAsync();
        var han = await host.LoginAsync("han.bing");
        var id = Id(await RegisterAsync(han, Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)));
        var before = await JournalAsync(han, id);
        var refused = await TryCompleteAsync(han, id, "notify", new { toBureau = "BZ-ZWZX", reasons = "不属本中心", legalBasis = "《霸州市政务服务中心窗口职责》" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        ((string)problem["errors"]!["toBureau"]![0]!).ShouldContain("不能移办给本单位");
        var unknown = await TryCompleteAsync(han, id, "notify", new { toBureau = "BZ-NOPE", reasons = "x", legalBasis = "x" });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["toBureau"].ShouldNotBeNull();

        (await OpenTasksAsync(han, id)).ShouldBe(["notify"]);
        (await NoticesAsync(han, id)).ShouldBeEmpty();
        (await CaseAsync(han, id))["transfers"]!.AsArray().ShouldBeEmpty();
        (await JournalAsync(han, id)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task A_refused_transfer_goes_back_to_the_sender_who_transfers_elsewhere_or_closes_it_as_not_received()
    {
        await using var host = await StartAsync();
        var han = await host.LoginAsync("han.bing");
        var retried = Id(await RegisterAsync(han, Registration("ZRZY-002", "BZ-ZRZY", ["查询申请书", "查询人身份证明"])));
        var closed = Id(await RegisterAsync(han, Registration("ZRZY-002", "BZ-ZRZY", ["查询申请书"], applicant: Applicant("何平", "13700001111"))));
        var chen = await host.LoginAsync("chen.jing");
        foreach (var id in new[] { retried, closed })
        {
            await CompleteAsync(han, id, "notify", new { toBureau = "BZ-RSJ", reasons = "误以为是社保记录查询", legalBasis = "《不动产登记暂行条例》第六条" });
            var noReason = await TryCompleteAsync(chen, id, "receive", new { decision = "refuse" });
            (await noReason.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["refusalReason"].ShouldNotBeNull();
            await CompleteAsync(chen, id, "receive", new { decision = "refuse", refusalReason = "不动产登记资料查询不属人社局职责" });
            (await OpenTasksAsync(han, id)).ShouldBe(["refused"]);
        }

        await CompleteAsync(han, retried, "refused", new { next = "retransfer" });
        await CompleteAsync(han, retried, "notify", new { toBureau = "BZ-ZRZY", reasons = "应由自然资源和规划局办理", legalBasis = "《不动产登记暂行条例》第六条" });
        var xu = await host.LoginAsync("xu.lei");
        await CompleteAsync(xu, retried, "receive", new { decision = "accept" });
        var moved = await CaseAsync(han, retried);
        Status(moved).ShouldBe("transferred");
        moved["transfers"]!.AsArray().Select(t => (string)t!["status"]!).ShouldBe(["refused", "accepted"]);
        // sent, refused (the applicant is told), sent again.
        (await NoticesAsync(han, retried)).ShouldBe(["transfer-notice", "transfer-notice", "transfer-notice"]);

        await CompleteAsync(han, closed, "refused", new { next = "close" });
        var notReceived = await CaseAsync(han, closed);
        Status(notReceived).ShouldBe("notReceived");
        ((string)notReceived["result"]!).ShouldContain("不动产登记资料查询不属人社局职责");
        (await OpenTasksAsync(han, closed)).ShouldBe(["log"]);
    }

    [Fact]
    public async Task A_transfer_across_levels_is_pushed_every_three_working_days_and_tracked_until_the_receiving_case_ends()
    {
        await using var host = await StartAsync();
        var ma = await host.LoginAsync("ma.li");
        var id = Id(await RegisterAsync(ma, Registration("RSJ-002", "BZ-RSJ", ["居民身份证", "解除或终止劳动关系证明", "银行账户信息"])));
        await CompleteAsync(ma, id, "notify", new { reasons = "失业保险金由市人社局审核发放", legalBasis = "《失业保险条例》第十六条" });
        var chen = await host.LoginAsync("chen.jing");
        await CompleteAsync(chen, id, "receive", new { decision = "accept" });
        var tracking = await CaseAsync(ma, id);
        Status(tracking).ShouldBe("transferTracking");
        ((bool)tracking["transfers"]![0]!["crossLevel"]!).ShouldBeTrue();
        var receivingId = (long)tracking["transfers"]![0]!["receivingCaseId"]!;
        (await OpenTasksAsync(ma, id)).ShouldBeEmpty();

        // Three working days later (10-09, National Day in between) the sender is asked to push.
        host.Clock.Set(new DateTimeOffset(2026, 10, 12, 9, 30, 0, TimeSpan.FromHours(8)));
        (await FireDueTimersAsync(host)).ShouldBe(1);
        ma = await host.LoginAsync("ma.li");
        await CompleteAsync(ma, id, "push", new { note = "已电话联系市人社局陈静，正在审核" });
        (await JournalAsync(ma, id)).Select(j => (string)j["action"]!).ShouldContain("transfer.pushed");

        chen = await host.LoginAsync("chen.jing");
        await CompleteAsync(chen, receivingId, "review", new { kind = "immediate" });
        await CompleteAsync(chen, receivingId, "handle_now", new { outcome = "approved" });
        var done = await CaseAsync(ma, id);
        Status(done).ShouldBe("transferred");
        ((string)done["result"]!).ShouldContain("办结（通过）");
        (await OpenTasksAsync(ma, id)).ShouldBe(["log"]);
    }
}
