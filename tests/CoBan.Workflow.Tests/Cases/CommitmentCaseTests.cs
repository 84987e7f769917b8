using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>承诺件 (seed 000): receipt with the committed deadline, tracked to the end, reply and coordination log.</summary>
public class CommitmentCaseTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_commitment_case_gets_a_receipt_with_its_deadline_in_working_days_and_ends_with_reply_and_log(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var registered = await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll));
        var id = Id(registered);
        ((string)registered["summary"]!["number"]!).ShouldBe("BZ-SCJG-2026-00001");
        ((string)registered["summary"]!["category"]!["code"]!).ShouldBe("own");
        Status(registered).ShouldBe("received");
        (await OpenTasksAsync(zhang, id)).ShouldBe(["review"]);

        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });
        var handling = await CaseAsync(zhang, id);
        Status(handling).ShouldBe("handling");
        ((string)handling["summary"]!["kind"]!["code"]!).ShouldBe("commitment");
        // Accepted Wednesday 2026-09-30 09:00; National Day off; 10-10 is a working Saturday: 5 working days end 10-13, at the
        // hall's closing time (民法典 Art. 203), not at 09:00.
        DateTimeOffset.Parse((string)handling["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 10, 13, 17, 30, 0, TimeSpan.FromHours(8)));
        ((int)handling["committedWorkingDays"]!).ShouldBe(5);
        var task = await TaskAsync(zhang, id, "handle");
        DateTimeOffset.Parse((string)task["due"]!).ShouldBe(new DateTimeOffset(2026, 10, 13, 17, 30, 0, TimeSpan.FromHours(8)));
        ((string)task["assigneeUserName"]!).ShouldBe("zhang.wei");
        (await NoticesAsync(zhang, id)).ShouldBe(["receipt"]);

        await CompleteAsync(zhang, id, "handle", new { outcome = "approved", result = "核发食品经营许可证" });
        (await OpenTasksAsync(zhang, id)).ShouldBe(["log"]);
        Status(await CaseAsync(zhang, id)).ShouldBe("completedApproved");
        await CompleteAsync(zhang, id, "log", new { replyMethod = "inPerson", handling = "当面交付许可证", signature = SignaturePng });

        var done = await CaseAsync(zhang, id);
        Status(done).ShouldBe("completedApproved");
        ((string)done["owner"]!["userName"]!).ShouldBe("zhang.wei");
        ((string)done["result"]!).ShouldBe("核发食品经营许可证");
        var log = done["log"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)log["replyMethod"]!["label"]!).ShouldBe("当面告知");
        ((bool)log["signedOnScreen"]!).ShouldBeTrue();
        var png = await zhang.GetAsync((string)log["signatureUrl"]!);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await NoticesAsync(zhang, id)).ShouldBe(["receipt", "completion-reply", "coordination-log"]);
        (await OpenTasksAsync(zhang, id)).ShouldBeEmpty();

        var journal = await JournalAsync(zhang, id);
        var actions = journal.Select(j => (string)j["action"]!).ToList();
        actions.ShouldContain("case.registered");
        actions.ShouldContain("case.classified");
        actions.ShouldContain("case.reviewed");
        actions.ShouldContain("case.deadline");
        actions.ShouldContain("case.logged");
        journal.Where(j => (string)j["action"]! == "case.status").Select(j => (string)j["detail"]!).ShouldContain(d => d.StartsWith("部门开始办理 → 办结（通过）"));
    }

    [Fact]
    public async Task A_special_procedure_stops_the_clock_and_gives_back_the_working_days_it_took()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 5 });

        host.Clock.Set(new DateTimeOffset(2026, 10, 8, 10, 0, 0, TimeSpan.FromHours(8)));
        zhang = await host.LoginAsync("zhang.wei"); // the sign-in cookie expires with the clock
        await CompleteAsync(zhang, id, "handle", new { outcome = "special", specialKind = "inspection", specialReason = "现场核查经营场所" });
        var paused = await CaseAsync(zhang, id);
        Status(paused).ShouldBe("specialStarted");
        ((bool)paused["summary"]!["paused"]!).ShouldBeTrue();
        (await OpenTasksAsync(zhang, id)).ShouldBe(["special"]);

        host.Clock.Set(new DateTimeOffset(2026, 10, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        zhang = await host.LoginAsync("zhang.wei"); // the sign-in cookie expires with the clock
        await CompleteAsync(zhang, id, "special", new { specialResult = "现场核查合格" });
        var resumed = await CaseAsync(zhang, id);
        Status(resumed).ShouldBe("specialEnded");
        // 10-09, 10-10 (working Saturday) and 10-12 are given back: 10-13 17:30 + 3 working days.
        DateTimeOffset.Parse((string)resumed["summary"]!["deadline"]!).ShouldBe(new DateTimeOffset(2026, 10, 16, 17, 30, 0, TimeSpan.FromHours(8)));
        var procedure = resumed["specialProcedures"]!.AsArray().ShouldHaveSingleItem()!;
        ((int)procedure["workingDaysGivenBack"]!).ShouldBe(3);
        DateTimeOffset.Parse((string)(await TaskAsync(zhang, id, "handle"))["due"]!).ShouldBe(new DateTimeOffset(2026, 10, 16, 17, 30, 0, TimeSpan.FromHours(8)));

        await CompleteAsync(zhang, id, "handle", new { outcome = "rejected", result = "经营场所不符合要求" });
        Status(await CaseAsync(zhang, id)).ShouldBe("completedRejected");
    }

    [Fact]
    public async Task An_overdue_case_is_flagged_and_the_duty_leader_on_the_roster_must_supervise_it_while_the_coordinator_keeps_it()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 2 });

        // Due at the close of 10-09: overdue after it.
        host.Clock.Set(new DateTimeOffset(2026, 10, 9, 17, 31, 0, TimeSpan.FromHours(8)));
        zhang = await host.LoginAsync("zhang.wei"); // the sign-in cookie expires with the clock
        (await FireDueTimersAsync(host)).ShouldBe(1);
        var overdue = await CaseAsync(zhang, id);
        overdue["overdueAt"].ShouldNotBeNull();
        ((bool)overdue["summary"]!["overdue"]!).ShouldBeTrue();
        var leader = await host.LoginAsync("liu.yang");
        var supervise = await TaskAsync(leader, id, "supervise");
        ((string)supervise["assigneeUserName"]!).ShouldBe("liu.yang");
        ((string)(await TaskAsync(zhang, id, "handle"))["assigneeUserName"]!).ShouldBe("zhang.wei");
        await CompleteAsync(leader, id, "supervise", new { instruction = "今日内办结并回复申请人" });
        (await JournalAsync(zhang, id)).Select(j => (string)j["action"]!).ShouldContain("case.overdue");
        (await JournalAsync(zhang, id)).Select(j => (string)j["detail"]!).ShouldContain(d => d.Contains("督办：今日内办结"));

        await CompleteAsync(zhang, id, "handle", new { outcome = "approved" });
        Status(await CaseAsync(zhang, id)).ShouldBe("completedApproved");
    }

    [Fact]
    public async Task A_tolerant_acceptance_ends_as_passed_with_tolerance_when_the_item_comes_in_time_and_fails_when_it_does_not()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        string[] withoutPremises = ["个体工商户登记申请书", "经营者身份证明"];
        var inTime = Id(await RegisterAsync(zhang, Registration("SCJG-001", "BZ-SCJG", withoutPremises)));
        var late = Id(await RegisterAsync(zhang, Registration("SCJG-001", "BZ-SCJG", withoutPremises, applicant: Applicant("王芳芳", "13900001111"))));
        // SCJG-001 has a 3 working-day limit: the supply date may not be later than 2026-10-09.
        var tooLate = await TryCompleteAsync(zhang, inTime, "review", new { kind = "commitment", tolerant = true, toleranceCommitment = "承诺补交", supplementBy = "2026-10-12" });
        var problem = await tooLate.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["supplementBy"].ShouldNotBeNull();
        foreach (var id in new[] { inTime, late })
            await CompleteAsync(zhang, id, "review", new { kind = "commitment", tolerant = true, toleranceCommitment = "本人承诺两个工作日内补交经营场所使用证明", supplementBy = "2026-10-08" });
        (await OpenTasksAsync(zhang, inTime)).ShouldBe(["tolerant_supply"]);

        await CompleteAsync(zhang, inTime, "tolerant_supply", new { received = new[] { "经营场所使用证明" } });
        await CompleteAsync(zhang, inTime, "handle", new { outcome = "approved" });
        Status(await CaseAsync(zhang, inTime)).ShouldBe("completedTolerant");

        host.Clock.Set(new DateTimeOffset(2026, 10, 8, 17, 31, 0, TimeSpan.FromHours(8)));
        zhang = await host.LoginAsync("zhang.wei"); // the sign-in cookie expires with the clock
        await FireDueTimersAsync(host);
        var failed = await CaseAsync(zhang, late);
        Status(failed).ShouldBe("completedRejected");
        ((string)failed["result"]!).ShouldBe("容缺材料未在承诺期限内补齐");
        (await OpenTasksAsync(zhang, late)).ShouldBe(["log"]);
    }
}
