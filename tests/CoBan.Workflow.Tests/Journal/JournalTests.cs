using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Journal;

public class JournalTests
{
    [Fact]
    public async Task Every_human_action_is_journaled_with_who_when_where_and_the_variables_it_changed()
    {
        await using var host = await TestHost.StartAsync(kestrel: true); // a real connection, so the journal has a client address
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        var instanceId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { pages = 3 }))["instance"]!["id"]!;
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true, pages = 5 } });

        var journal = (await zhang.GetJsonAsync($"/api/v1/instances/{instanceId}/journal")).AsArray();
        var completed = journal.Single(j => (string?)j!["action"] == "task.completed")!;
        ((string)completed["userName"]!).ShouldBe("张伟");
        ((string)completed["ip"]!).ShouldBe("127.0.0.1");
        ((string)completed["before"]!).ShouldBe("""{"pages":3,"approved":null}""");
        ((string)completed["after"]!).ShouldBe("""{"pages":5,"approved":true}""");
        journal.Select(j => (string?)j!["action"]).ShouldContain("instance.started");
        ((string)journal.First()!["detail"]!).ShouldContain("生成任务“审核”");
        ((string)completed["detail"]!).ShouldContain("流程实例已结束");
        var detail = await zhang.GetJsonAsync($"/api/v1/instances/{instanceId}");
        detail["completed"]!.AsArray().Select(x => (string?)x).ShouldBe(["start", "review", "decision", "approvedEnd"]);
    }

    [Fact]
    public async Task No_API_route_edits_or_deletes_the_journal()
    {
        await using var host = await TestHost.StartAsync();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("journal", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct().ToList();
        routes.ShouldBe(["GET"]);
    }
}
