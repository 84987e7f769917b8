using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Procedures;

public class ProcedureApiTests
{
    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_process_owner_drafts_validates_publishes_and_the_history_says_who_and_when(Db db)
    {
        await using var host = await TestHost.StartAsync(db);
        var owner = await host.LoginAsync("owner.scjg");
        var created = await owner.PostJsonAsync("/api/v1/procedures", new { xml = Models.Review() });
        var id = (long)created["id"]!;
        ((string)created["key"]!).ShouldBe("review-flow");
        ((string)created["bureauCode"]!).ShouldBe("BZ-SCJG");

        var validation = await owner.PostJsonAsync($"/api/v1/procedures/{id}/validate");
        ((bool)validation["valid"]!).ShouldBeTrue(validation.ToJsonString());

        var v1 = await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "首次发布" });
        ((int)v1["number"]!).ShouldBe(1);
        ((string)v1["status"]!).ShouldBe("published");

        await owner.PutJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = Models.Review(name: "审核流程（二）", extraTask: "") });
        var v2 = await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "改名" });
        ((int)v2["number"]!).ShouldBe(2);

        var history = (await owner.GetJsonAsync($"/api/v1/procedures/{id}/versions")).AsArray();
        history.Select(v => (int?)v!["number"]).ShouldBe([2, 1]);
        history.ShouldAllBe(v => (string?)v!["publishedBy"] != null && v["publishedAt"] != null);
        ((string)history[1]!["comment"]!).ShouldBe("首次发布");
    }

    [Fact]
    public async Task An_invalid_model_is_refused_at_publish_with_every_problem_on_its_element_and_no_version_is_made()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml = Models.Review() }))["id"]!;
        var saved = await owner.PutJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = Models.Broken() });
        var elements = saved["problems"]!.AsArray().Select(p => (string?)p!["elementId"]).ToList();
        elements.ShouldContain("calc");
        elements.ShouldContain("lookup");
        elements.ShouldContain("f2");

        var refused = await owner.PostAsJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "x" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-model");
        problem["problems"]!.AsArray().ShouldContain(p => (string?)p!["elementId"] == "calc" && ((string)p["messageZh"]!).Contains("不支持的元素 scriptTask"));
        (await owner.GetJsonAsync($"/api/v1/procedures/{id}/versions")).AsArray().ShouldAllBe(v => v!["number"] == null);
    }

    [Fact]
    public async Task Roll_back_copies_an_old_version_into_the_draft_and_compare_names_the_changed_elements()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var withExtra = Models.Review(extraTask: """<bpmn:manualTask id="sign" name="申请人签字" />""").Replace("name=\"审核\"", "name=\"初审\"");
        await owner.PutJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = withExtra });
        await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "加签字" });

        var diff = await owner.GetJsonAsync($"/api/v1/procedures/{id}/compare?from=1&to=2");
        diff["added"]!.AsArray().Select(e => (string?)e!["id"]).ShouldBe(["sign"]);
        diff["changed"]!.AsArray().Select(e => (string?)e!["id"]).ShouldBe(["review"]);
        diff["removed"]!.AsArray().ShouldBeEmpty();

        var draft = await owner.PostJsonAsync($"/api/v1/procedures/{id}/versions/1/rollback");
        ((int)draft["version"]!["basedOn"]!).ShouldBe(1);
        ((string)draft["xml"]!).ShouldNotContain("申请人签字");
        var v3 = await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "回退到版本 1" });
        ((int)v3["number"]!).ShouldBe(3);
    }

    [Fact]
    public async Task A_coordinator_cannot_publish_and_another_bureau_cannot_see_the_procedure()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml = Models.Review() }))["id"]!;
        var coordinator = await host.LoginAsync("zhang.wei");
        await (await coordinator.PostAsJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var other = await host.LoginAsync("chen.jing");
        await (await other.GetAsync($"/api/v1/procedures/{id}/draft")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_retired_version_starts_no_new_instance()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var owner = await host.LoginAsync("owner.scjg");
        await owner.PostJsonAsync($"/api/v1/procedures/{id}/versions/1/retire");
        var coordinator = await host.LoginAsync("zhang.wei");
        var refused = await coordinator.PostAsJsonAsync("/api/v1/instances", new { procedureId = id });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not-published");
    }

    [Fact]
    public async Task Saving_something_that_is_not_BPMN_is_refused_and_the_draft_is_kept()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml = Models.Review() }))["id"]!;
        var refused = await owner.PutAsJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = "<html>not bpmn" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unreadable-model");
        var draft = await owner.GetJsonAsync($"/api/v1/procedures/{id}/draft");
        ((string)draft["xml"]!).ShouldContain("review-flow");
    }
}
