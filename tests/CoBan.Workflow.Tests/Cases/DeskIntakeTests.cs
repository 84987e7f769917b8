using CoBan.Workflow.Engine.Execution;
using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>登记受理 and the own case's kinds (seed 000): 提示件, 即办件, 退回件; 承诺件 is in CommitmentCaseTests.</summary>
public class DeskIntakeTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_notice_case_lists_everything_missing_once_and_continues_when_the_list_is_complete(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", ["食品经营许可申请书", "营业执照复印件"])));
        var registered = await CaseAsync(zhang, id);
        registered["missing"]!.AsArray().Select(m => (string)m!).ShouldBe(["法定代表人（负责人）身份证明", "经营场所平面图及设备布局图", "食品安全管理制度"]);

        // Complete materials are not a notice case, and incomplete ones are not an immediate one.
        var wrong = await TryCompleteAsync(zhang, id, "review", new { kind = "immediate" });
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["kind"].ShouldNotBeNull();

        await CompleteAsync(zhang, id, "review", new { kind = "notice" });
        var notified = await CaseAsync(zhang, id);
        Status(notified).ShouldBe("supplementStarted");
        notified["missingNoticeAt"].ShouldNotBeNull();
        (await NoticesAsync(zhang, id)).ShouldBe(["one-time-notice"]);

        // Something not on the list is refused; a partial supply waits on the same list, with no second notice.
        var stray = await TryCompleteAsync(zhang, id, "supplement", new { received = new[] { "公司章程" } });
        (await stray.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["received"].ShouldNotBeNull();
        await CompleteAsync(zhang, id, "supplement", new { received = new[] { "食品安全管理制度" } });
        (await OpenTasksAsync(zhang, id)).ShouldBe(["supplement"]);
        (await CaseAsync(zhang, id))["missing"]!.AsArray().Count.ShouldBe(2);
        await CompleteAsync(zhang, id, "supplement", new { received = new[] { "法定代表人（负责人）身份证明", "经营场所平面图及设备布局图" } });

        var complete = await CaseAsync(zhang, id);
        Status(complete).ShouldBe("supplementEnded");
        complete["missing"]!.AsArray().ShouldBeEmpty();
        (await OpenTasksAsync(zhang, id)).ShouldBe(["review"]);
        var again = await TryCompleteAsync(zhang, id, "review", new { kind = "notice" });
        (await again.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["kind"].ShouldNotBeNull();

        await CompleteAsync(zhang, id, "review", new { kind = "immediate" });
        await CompleteAsync(zhang, id, "handle_now", new { outcome = "approved", result = "当场办结" });
        await CompleteAsync(zhang, id, "log_now", new { replyMethod = "sms", handling = "已短信告知" });
        Status(await CaseAsync(zhang, id)).ShouldBe("completedApproved");
        (await NoticesAsync(zhang, id)).ShouldBe(["one-time-notice", "completion-reply", "coordination-log"]);
        var statuses = (await JournalAsync(zhang, id)).Where(j => (string)j["action"]! == "case.status").Select(j => (string)j["detail"]!).ToList();
        statuses.ShouldContain(d => d.StartsWith("已接件 → 补正开始"));
        statuses.ShouldContain(d => d.StartsWith("补正开始 → 补正结束"));
        statuses.ShouldContain(d => d.StartsWith("补正结束 → 已受理"));
        statuses.ShouldContain(d => d.StartsWith("已受理 → 办结（通过）"));
    }

    [Fact]
    public async Task A_notice_case_that_comes_back_complete_becomes_a_commitment_case_on_the_matters_limit()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", ["食品经营许可申请书", "营业执照复印件", "法定代表人（负责人）身份证明", "经营场所平面图及设备布局图"])));
        await CompleteAsync(zhang, id, "review", new { kind = "notice" });
        await CompleteAsync(zhang, id, "supplement", new { received = new[] { "食品安全管理制度" } });

        // No limit typed in: the matter's 10 working days, not the notice review's "no limit".
        await CompleteAsync(zhang, id, "review", new { kind = "commitment" });
        var accepted = await CaseAsync(zhang, id);
        Status(accepted).ShouldBe("handling");
        ((int)accepted["committedWorkingDays"]!).ShouldBe(10);
        (await OpenTasksAsync(zhang, id)).ShouldBe(["handle"]);
    }

    [Fact]
    public async Task An_applicant_who_gives_up_supplying_ends_the_case_as_withdrawn()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", ["食品经营许可申请书"])));
        await CompleteAsync(zhang, id, "review", new { kind = "notice" });
        await CompleteAsync(zhang, id, "supplement", new { withdrawn = true });
        var c = await CaseAsync(zhang, id);
        Status(c).ShouldBe("withdrawn");
        c["completedAt"].ShouldNotBeNull();
        (await OpenTasksAsync(zhang, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_immediate_case_can_be_refused_on_the_spot_with_its_reasons()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书", "法定代表人身份证明"])));
        await CompleteAsync(zhang, id, "review", new { kind = "immediate" });
        var accepted = await CaseAsync(zhang, id);
        Status(accepted).ShouldBe("accepted");
        // Answered the same day: due at closing time.
        DateTimeOffset.Parse((string)accepted["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 9, 30, 17, 30, 0, TimeSpan.FromHours(8)));
        var noReason = await TryCompleteAsync(zhang, id, "handle_now", new { outcome = "rejected" });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["result"].ShouldNotBeNull();
        await CompleteAsync(zhang, id, "handle_now", new { outcome = "rejected", result = "该执照已被吊销，不予补领" });
        Status(await CaseAsync(zhang, id)).ShouldBe("completedRejected");
    }

    [Fact]
    public async Task A_returned_case_gets_a_rejection_with_its_reasons_and_legal_basis()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)));
        var noBasis = await TryCompleteAsync(zhang, id, "review", new { kind = "returned", reasons = "经营范围属于禁止类" });
        (await noBasis.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["legalBasis"].ShouldNotBeNull();
        await CompleteAsync(zhang, id, "review", new { kind = "returned", reasons = "经营范围属于禁止类\n场所位于禁止经营区域", legalBasis = "《产业结构调整指导目录》" });
        var returned = await CaseAsync(zhang, id);
        Status(returned).ShouldBe("notAccepted");
        returned["rejectionReasons"]!.AsArray().Select(r => (string)r!).ShouldBe(["经营范围属于禁止类", "场所位于禁止经营区域"]);
        ((string)returned["rejectionLegalBasis"]!).ShouldBe("《产业结构调整指导目录》");
        (await NoticesAsync(zhang, id)).ShouldBe(["rejection"]);
        await CompleteAsync(zhang, id, "log_returned", InPersonLog);
        (await NoticesAsync(zhang, id)).ShouldBe(["rejection", "coordination-log"]);
    }

    [Fact]
    public async Task The_registering_coordinator_keeps_the_case_after_their_duty_and_only_the_duty_leader_reassigns_it_with_a_reason()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        // 10-09: zhang.wei is off duty (the roster has li.na and wang.fang), the case is still his.
        host.Clock.Set(new DateTimeOffset(2026, 10, 9, 9, 0, 0, TimeSpan.FromHours(8)));
        zhang = await host.LoginAsync("zhang.wei");
        var roster = (await zhang.GetJsonAsync("/api/v1/rosters/BZ-SCJG/now"))["coordinators"]!.AsArray().Select(c => (string)c!["userName"]!).ToList();
        roster.ShouldNotContain("zhang.wei");
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        ((string)(await TaskAsync(zhang, id, "handle"))["assigneeUserName"]!).ShouldBe("zhang.wei");

        var li = await host.LoginAsync("li.na");
        await (await li.PostAsync($"/api/v1/cases/{id}/owner", Http.Json(new { userName = "li.na", reason = "我来接" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var leader = await host.LoginAsync("liu.yang");
        var noReason = await leader.PostAsync($"/api/v1/cases/{id}/owner", Http.Json(new { userName = "li.na" }));
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["reason"].ShouldNotBeNull();
        var elsewhere = await leader.PostAsync($"/api/v1/cases/{id}/owner", Http.Json(new { userName = "chen.jing", reason = "x" }));
        (await elsewhere.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["userName"].ShouldNotBeNull();
        ((string)(await CaseAsync(zhang, id))["owner"]!["userName"]!).ShouldBe("zhang.wei");

        var moved = await (await leader.PostAsync($"/api/v1/cases/{id}/owner", Http.Json(new { userName = "li.na", reason = "张伟病假，由李娜接办" }))).JsonAsync();
        ((string)moved["owner"]!["userName"]!).ShouldBe("li.na");
        ((string)moved["firstContact"]!["userName"]!).ShouldBe("zhang.wei");
        ((string)(await TaskAsync(li, id, "handle"))["assigneeUserName"]!).ShouldBe("li.na");
        var entry = (await JournalAsync(li, id)).Single(j => (string)j["action"]! == "case.reassigned");
        ((string)entry["detail"]!).ShouldContain("张伟病假");
        ((string)entry["userName"]!).ShouldBe("刘洋");

        // Tasks created later go to the new owner too.
        await CompleteAsync(li, id, "handle", new { outcome = "approved" });
        ((string)(await TaskAsync(li, id, "log"))["assigneeUserName"]!).ShouldBe("li.na");
    }

    [Fact]
    public async Task The_applicant_withdraws_before_acceptance_recalls_after_it_and_the_duty_leader_revokes_with_a_reason()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var early = Id(await RegisterAsync(zhang, Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)));
        var late = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        var wrong = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, late, "review", new { kind = "commitment" });

        await zhang.PostJsonAsync($"/api/v1/cases/{early}/withdraw", new { reason = "申请人暂不办理" });
        Status(await CaseAsync(zhang, early)).ShouldBe("withdrawn");
        await zhang.PostJsonAsync($"/api/v1/cases/{late}/withdraw", new { reason = "申请人改变经营计划" });
        var recalled = await CaseAsync(zhang, late);
        Status(recalled).ShouldBe("recalled");
        (await OpenTasksAsync(zhang, late)).ShouldBeEmpty();
        var instances = await host.WithDbAsync(db => Task.FromResult(db.Set<CoBan.Workflow.Runtime.ProcessInstance>().Where(i => i.CaseId == late).Select(i => i.Status).ToList()));
        instances.ShouldAllBe(s => s == InstanceStatus.Terminated);

        await (await zhang.PostAsync($"/api/v1/cases/{wrong}/revoke", Http.Json(new { reason = "重复登记" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var leader = await host.LoginAsync("liu.yang");
        await leader.PostJsonAsync($"/api/v1/cases/{wrong}/revoke", new { reason = "重复登记" });
        Status(await CaseAsync(zhang, wrong)).ShouldBe("revoked");
        var again = await zhang.PostAsync($"/api/v1/cases/{early}/withdraw", Http.Json(new { reason = "x" }));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "bad-transition");
    }
}
