using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Runtime;

public class MigrationApiTests
{
    private static string V2 => Models.Review().Replace("id=\"review\"", "id=\"firstReview\"").Replace("targetRef=\"review\"", "targetRef=\"firstReview\"").Replace("sourceRef=\"review\"", "sourceRef=\"firstReview\"");

    [Fact]
    public async Task A_migration_is_validated_completely_first_and_an_invalid_mapping_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var owner = await host.LoginAsync("owner.scjg");
        await owner.PutJsonAsync($"/api/v1/procedures/{id}/draft", new { xml = V2 });
        await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "renamed the task" });
        var zhang = await host.LoginAsync("zhang.wei");
        var instanceId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei"))["instance"]!["id"]!;
        // Started on v2 by default: start one on v1 explicitly.
        var onV1 = await zhang.PostAsJsonAsync("/api/v1/instances", new { procedureId = id, version = 1, variables = new { caseOwner = "zhang.wei" } });
        var v1Instance = (long)(await onV1.JsonAsync())["instance"]!["id"]!;
        instanceId.ShouldNotBe(v1Instance);

        var admin = await host.LoginAsync("admin");
        var implicitReport = await admin.PostJsonAsync($"/api/v1/instances/{v1Instance}/migrate", new { toVersion = 2, dryRun = true });
        ((bool)implicitReport["valid"]!).ShouldBeFalse();
        var item = implicitReport["items"]!.AsArray().Single(i => (string?)i!["source"] == "review")!;
        ((bool)item["ok"]!).ShouldBeFalse();
        ((string)item["messageZh"]!).ShouldContain("请为它指定映射");

        var wrongType = await admin.PostJsonAsync($"/api/v1/instances/{v1Instance}/migrate", new { toVersion = 2, mapping = new Dictionary<string, string> { ["review"] = "decision" } });
        ((bool)wrongType["valid"]!).ShouldBeFalse();
        ((bool)wrongType["applied"]!).ShouldBeFalse();
        var stillV1 = await admin.GetJsonAsync($"/api/v1/instances/{v1Instance}");
        ((int)stillV1["instance"]!["procedureVersion"]!).ShouldBe(1);

        var applied = await admin.PostJsonAsync($"/api/v1/instances/{v1Instance}/migrate", new { toVersion = 2, mapping = new Dictionary<string, string> { ["review"] = "firstReview" } });
        ((bool)applied["applied"]!).ShouldBeTrue();
        var moved = await admin.GetJsonAsync($"/api/v1/instances/{v1Instance}");
        ((int)moved["instance"]!["procedureVersion"]!).ShouldBe(2);
        moved["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["firstReview"]);
        var taskElement = await host.WithDbAsync(db => db.Set<WorkTask>().Where(t => t.InstanceId == v1Instance).Select(t => t.ElementId).SingleAsync());
        taskElement.ShouldBe("firstReview");

        var task = (await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().First(t => (long)t!["instanceId"]! == v1Instance)!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { variables = new { approved = true } });
        ((string)(await admin.GetJsonAsync($"/api/v1/instances/{v1Instance}"))["instance"]!["status"]!).ShouldBe("completed");
        var journal = (await admin.GetJsonAsync($"/api/v1/instances/{v1Instance}/journal")).AsArray();
        journal.ShouldContain(j => (string?)j!["action"] == "instance.migrated");
    }

    [Fact]
    public async Task Only_administrators_migrate()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var instanceId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei"))["instance"]!["id"]!;
        await (await zhang.PostAsJsonAsync($"/api/v1/instances/{instanceId}/migrate", new { toVersion = 1, dryRun = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
