using System.Net;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Cases;

/// <summary>Bad input is refused clearly (RFC 7807, naming the field) and changes nothing.</summary>
public class RefusalTests
{
    private static Task<int> CaseCountAsync(TestHost host) => host.WithDbAsync(db => Task.FromResult(db.Set<Workflow.Cases.Case>().Count()));

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Registering_with_an_unknown_matter_is_refused_naming_the_field_and_nothing_is_created(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var unknownId = await zhang.PostAsync("/api/v1/cases", Http.Json(new { matterId = 999999, applicant = Applicant(), serviceMode = "assist" }));
        var problem = await unknownId.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-registration");
        problem["errors"]!["matterId"].ShouldNotBeNull();
        var unknownCode = await zhang.PostAsync("/api/v1/cases", Http.Json(Registration("SCJG-999", "BZ-SCJG", [])));
        (await unknownCode.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["matterCode"].ShouldNotBeNull();

        var many = await zhang.PostAsync("/api/v1/cases", Http.Json(new
        {
            matterCode = "SCJG-001", matterBureau = "BZ-SCJG", applicant = new { type = "robot", name = "" }, consentEmail = true, serviceMode = "teleport",
            materialsReceived = new[] { "护照" },
        }));
        var errors = (await many.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.ShouldBe(["applicant.type", "applicant.name", "applicant.phone", "consentEmail", "serviceMode", "materialsReceived"], ignoreOrder: true);
        (await CaseCountAsync(host)).ShouldBe(0);
        (await zhang.GetJsonAsync("/api/v1/cases"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_coordinator_on_duty_registers()
    {
        await using var host = await StartAsync();
        // 2026-09-30: BZ-SCJG's roster has zhang.wei and li.na; wang.fang is the chief coordinator, off the rota today.
        var wang = await host.LoginAsync("wang.fang");
        var refused = await wang.PostAsync("/api/v1/cases", Http.Json(Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)));
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not-on-duty");
        var leader = await host.LoginAsync("liu.yang");
        await (await leader.PostAsync("/api/v1/cases", Http.Json(Registration("SCJG-001", "BZ-SCJG", SoleTraderAll)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await CaseCountAsync(host)).ShouldBe(0);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_coordinator_of_another_bureau_can_neither_read_nor_act_on_the_case_and_nothing_changes(Db db)
    {
        await using var host = await StartAsync(db);
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        var task = await TaskAsync(zhang, id, "review");
        var journal = (await JournalAsync(zhang, id)).Count;

        var chen = await host.LoginAsync("chen.jing");
        await (await chen.GetAsync($"/api/v1/cases/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.GetAsync($"/api/v1/cases/{id}/journal")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.GetAsync($"/api/v1/tasks/{(long)task["id"]!}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.PostAsync($"/api/v1/tasks/{(long)task["id"]!}/complete", Http.Json(new { variables = new { kind = "commitment" } }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.PostAsync($"/api/v1/tasks/{(long)task["id"]!}/claim", Http.Json(new { }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.PostAsync($"/api/v1/cases/{id}/withdraw", Http.Json(new { reason = "x" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await chen.PostAsync($"/api/v1/cases/{id}/evaluation", Http.Json(new { level = 1 }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await chen.GetJsonAsync("/api/v1/cases"))["total"]!.GetValue<int>().ShouldBe(0);
        var yang = await host.LoginAsync("yang.min");
        await (await yang.PostAsync($"/api/v1/cases/{id}/owner", Http.Json(new { userName = "chen.jing", reason = "x" }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var after = await CaseAsync(zhang, id);
        Status(after).ShouldBe("received");
        ((string)after["owner"]!["userName"]!).ShouldBe("zhang.wei");
        (await OpenTasksAsync(zhang, id)).ShouldBe(["review"]);
        (await JournalAsync(zhang, id)).Count.ShouldBe(journal);
    }

    [Fact]
    public async Task Completing_a_step_out_of_order_is_refused_and_nothing_changes()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        var review = await TaskAsync(zhang, id, "review");
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 3 });

        // The review is done: completing it again is a conflict, not a second review.
        var twice = await zhang.PostAsync($"/api/v1/tasks/{(long)review["id"]!}/complete", Http.Json(new { variables = new { kind = "returned" } }));
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "task-closed");
        // A committed limit beyond the matter's (10 working days) is refused on the field.
        var id2 = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        var tooLong = await TryCompleteAsync(zhang, id2, "review", new { kind = "commitment", committedDays = 11 });
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["committedDays"].ShouldNotBeNull();
        Status(await CaseAsync(zhang, id2)).ShouldBe("received");
        // A missing required field is the engine's refusal, field by field.
        var empty = await TryCompleteAsync(zhang, id2, "review", new { });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["kind"].ShouldNotBeNull();
        // No evaluation while the case is open.
        await (await zhang.PostAsync($"/api/v1/cases/{id}/evaluation", Http.Json(new { level = 5 }))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "case-open");

        var c = await CaseAsync(zhang, id);
        Status(c).ShouldBe("handling");
        ((string)c["summary"]!["kind"]!["code"]!).ShouldBe("commitment");
        c["evaluation"].ShouldBeNull();
    }

    [Fact]
    public async Task A_task_form_cannot_change_who_owns_the_case()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var id = Id(await RegisterAsync(zhang, Registration("SCJG-002", "BZ-SCJG", FoodLicenceAll)));
        await CompleteAsync(zhang, id, "review", new { kind = "commitment", committedDays = 3, caseOwner = "li.na" });
        ((string)(await TaskAsync(zhang, id, "handle"))["assigneeUserName"]!).ShouldBe("zhang.wei");
    }

    [Fact]
    public async Task A_procedure_whose_user_task_names_an_unknown_action_is_not_published()
    {
        await using var host = await StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var xml = Models.Review().Replace("coban:due=\"P3WD\"", "coban:due=\"P3WD\" coban:action=\"case.reveiw\"");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml }))["id"]!;
        var refused = await owner.PostAsync($"/api/v1/procedures/{id}/publish", Http.Json(new { comment = "v1" }));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-model");
        problem["problems"]!.AsArray().ShouldContain(p => (string?)p!["elementId"] == "review" && ((string)p["messageZh"]!).Contains("case.reveiw"));
    }
}
