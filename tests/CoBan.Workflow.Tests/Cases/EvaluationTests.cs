using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>办结回复, 协办日志 and 好差评 (国办发〔2019〕51号).</summary>
public class EvaluationTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_real_name_bad_review_opens_a_rectification_due_in_the_bureaus_working_days_and_a_return_visit(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书", "法定代表人身份证明"], applicant: Applicant("周明", "139 0000 2222"))));
        var number = (string)(await CaseAsync(zhang, id))["summary"]!["number"]!;

        // Out of order: no evaluation before the case has ended.
        var early = await host.Anonymous().PostAsync("/api/v1/public/evaluations", Http.Json(new { number, phone = "13900002222", level = 1 }));
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "case-open");

        await CompleteAsync(zhang, id, "review", new { kind = "immediate" });
        await CompleteAsync(zhang, id, "handle_now", new { outcome = "approved" });
        await CompleteAsync(zhang, id, "log_now", InPersonLog);

        var wrongPhone = await host.Anonymous().PostAsync("/api/v1/public/evaluations", Http.Json(new { number, phone = "13900009999", level = 1 }));
        await wrongPhone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var evaluation = await (await host.Anonymous().PostAsync("/api/v1/public/evaluations",
            Http.Json(new { number, phone = "+86 139-0000-2222", level = 2, comment = "等了很久", realName = true }))).JsonAsync();
        ((bool)evaluation["bad"]!).ShouldBeTrue();
        ((string)evaluation["levelLabel"]!).ShouldBe("不满意");
        // BZ-SCJG rectifies within 5 working days: 2026-09-30 09:00 → 2026-10-13 09:00.
        DateTimeOffset.Parse((string)evaluation["rectifyBy"]!).ShouldBe(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(8)));
        var again = await zhang.PostAsync($"/api/v1/cases/{id}/evaluation", Http.Json(new { level = 5 }));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-evaluated");

        var leader = await host.LoginAsync("liu.yang");
        var verify = await TaskAsync(leader, id, "verify");
        ((string)verify["assigneeUserName"]!).ShouldBe("liu.yang");
        DateTimeOffset.Parse((string)verify["due"]!).ShouldBe(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(8)));
        await CompleteAsync(leader, id, "verify", new { substantiated = true, rectification = "窗口增设取号提醒，协办员已作检讨", answer = "已致电周先生致歉并说明整改" });
        await CompleteAsync(leader, id, "visit", new { returnVisitAt = "2026-10-09", note = "周先生表示满意" });

        var rectified = (await CaseAsync(zhang, id))["evaluation"]!;
        rectified["rectifiedAt"].ShouldNotBeNull();
        ((bool)rectified["substantiated"]!).ShouldBeTrue();
        ((string)rectified["returnVisitNote"]!).ShouldBe("周先生表示满意");
        var list = (await leader.GetJsonAsync("/api/v1/evaluations?bad=true")).AsArray();
        ((long)list.ShouldHaveSingleItem()!["caseId"]!).ShouldBe(id);
        (await JournalAsync(zhang, id)).Select(j => (string)j["action"]!).ShouldContain("evaluation.returnVisit");
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_revoked_case_takes_no_evaluation_at_the_desk_or_on_the_web_and_so_opens_no_rectification(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", [], applicant: Applicant("周明", "139 0000 2222"))));
        var number = (string)(await CaseAsync(zhang, id))["summary"]!["number"]!;
        var leader = await host.LoginAsync("liu.yang");
        await leader.PostJsonAsync($"/api/v1/cases/{id}/revoke", new { reason = "重复登记" });

        await (await leader.PostAsync($"/api/v1/cases/{id}/evaluation", Http.Json(new { level = 1 }))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not-evaluable");
        var web = await host.Anonymous().PostAsync("/api/v1/public/evaluations", Http.Json(new { number, phone = "13900002222", level = 1, realName = true }));
        await web.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not-evaluable");
        var progress = await host.Anonymous().GetJsonAsync($"/api/v1/public/progress?number={number}&phone=13900002222");
        ((bool)progress["canEvaluate"]!).ShouldBeFalse();
        (await CaseAsync(zhang, id))["evaluation"].ShouldBeNull();
        (await OpenTasksAsync(leader, id)).ShouldBeEmpty("no rectification was opened");
    }

    [Fact]
    public async Task An_anonymous_bad_review_is_rectified_without_a_visit_and_the_period_is_the_bureaus_own()
    {
        await using var host = await StartAsync();
        var zhou = await host.LoginAsync("zhou.hui");
        var id = Id(await RegisterAsync(zhou, Registration("WSJ-003", "BZ-WSJDS", ["延续申请表", "原卫生许可证", "卫生检测（评价）报告"])));
        await CompleteAsync(zhou, id, "review", new { kind = "commitment", committedDays = 2 });
        await CompleteAsync(zhou, id, "handle", new { outcome = "approved" });
        var evaluation = await zhou.PostJsonAsync($"/api/v1/cases/{id}/evaluation", new { level = 1, comment = "态度差" });
        // The health supervision institute set 15 working days.
        DateTimeOffset.Parse((string)evaluation["rectifyBy"]!).ShouldBe(new DateTimeOffset(2026, 10, 27, 9, 0, 0, TimeSpan.FromHours(8)));
        var leader = await host.LoginAsync("wu.gang");
        await CompleteAsync(leader, id, "verify", new { substantiated = false, rectification = "经调取录像核实，协办员按规定办理", answer = "已在评价系统答复" });
        (await OpenTasksAsync(leader, id)).ShouldBe(["log"]);
    }

    [Fact]
    public async Task A_good_review_opens_nothing_and_the_log_refuses_a_signature_that_is_not_a_png()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书", "法定代表人身份证明"])));
        await CompleteAsync(zhang, id, "review", new { kind = "immediate" });
        await CompleteAsync(zhang, id, "handle_now", new { outcome = "approved" });
        var fake = await TryCompleteAsync(zhang, id, "log_now", new { replyMethod = "inPerson", handling = "x", signature = "data:image/png;base64,SGVsbG8gd29ybGQh" });
        (await fake.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["signature"].ShouldNotBeNull();
        var unsigned = await TryCompleteAsync(zhang, id, "log_now", new { replyMethod = "inPerson", handling = "x" });
        (await unsigned.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["signature"].ShouldNotBeNull();
        var badMethod = await TryCompleteAsync(zhang, id, "log_now", new { replyMethod = "fax", handling = "x" });
        (await badMethod.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["replyMethod"].ShouldNotBeNull();
        await CompleteAsync(zhang, id, "log_now", new { replyMethod = "letter", handling = "已邮寄书面通知", replyAt = "2026-09-30T08:50:00+08:00" });

        var evaluation = await zhang.PostJsonAsync($"/api/v1/cases/{id}/evaluation", new { level = 5, comment = "很满意" });
        ((bool)evaluation["bad"]!).ShouldBeFalse();
        evaluation["rectificationInstanceId"].ShouldBeNull();
        (await OpenTasksAsync(zhang, id)).ShouldBeEmpty();
        var outOfRange = await zhang.PostAsync($"/api/v1/cases/{id}/evaluation", Http.Json(new { level = 6 }));
        (await outOfRange.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["level"].ShouldNotBeNull();
    }
}
