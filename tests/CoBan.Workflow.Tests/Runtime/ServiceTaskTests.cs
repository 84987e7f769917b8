using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Runtime;

/// <summary>A background action that fails a given number of times before it succeeds.</summary>
public sealed class FlakyAction : IServiceAction
{
    public static int FailuresLeft;
    public static int Calls;
    public string Name => "test.flaky";
    public bool Inline => false;

    public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceActionContext context, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new HttpRequestException("部门系统无响应 / department system not answering");
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["receipt"] = "R-" + context.Call.Parameters["caseNo"] });
    }
}

[Collection("flaky")]
public class ServiceTaskTests
{
    private static string Model(int retries) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Models.Namespaces}} id="d" targetNamespace="t">
          <bpmn:process id="push-to-department" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="push" name="推送部门系统" coban:action="test.flaky" coban:retries="{{retries}}">
              <bpmn:extensionElements><coban:param name="caseNo" value="${caseNo}" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="push" />
            <bpmn:sequenceFlow id="f2" sourceRef="push" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static Task<TestHost> StartAsync() => TestHost.StartAsync(services: s => s.AddScoped<IServiceAction, FlakyAction>(),
        settings: new() { ["CoBan:BackgroundWorkers"] = "false" });

    private static async Task RunJobsAsync(TestHost host, int rounds)
    {
        var dispatcher = host.Services.GetRequiredService<ServiceJobDispatcher>();
        for (var i = 0; i < rounds; i++)
        {
            while (await dispatcher.RunOneAsync(CancellationToken.None)) { }
            host.Clock.Advance(TimeSpan.FromMinutes(11)); // past any backoff
        }
    }

    [Fact]
    public async Task A_failing_background_action_is_retried_with_backoff_and_then_succeeds()
    {
        FlakyAction.FailuresLeft = 2;
        FlakyAction.Calls = 0;
        await using var host = await StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Model(retries: 5));
        var zhang = await host.LoginAsync("zhang.wei");
        var instanceId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "A1" }))["instance"]!["id"]!;

        var dispatcher = host.Services.GetRequiredService<ServiceJobDispatcher>();
        (await dispatcher.RunOneAsync(CancellationToken.None)).ShouldBeTrue();
        var job = await host.WithDbAsync(db => db.Set<ServiceJob>().AsNoTracking().SingleAsync());
        job.Attempts.ShouldBe(1);
        (job.NextAttemptAt - host.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromSeconds(2));
        (await dispatcher.RunOneAsync(CancellationToken.None)).ShouldBeFalse(); // not due yet

        await RunJobsAsync(host, 3);
        FlakyAction.Calls.ShouldBe(3);
        var detail = await (await host.LoginAsync("zhang.wei")).GetJsonAsync($"/api/v1/instances/{instanceId}");
        ((string)detail["instance"]!["status"]!).ShouldBe("completed");
        ((string)detail["variables"]!["receipt"]!).ShouldBe("R-A1");
    }

    [Fact]
    public async Task After_its_retries_the_step_raises_an_incident_that_an_administrator_retries()
    {
        FlakyAction.FailuresLeft = 3;
        FlakyAction.Calls = 0;
        await using var host = await StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Model(retries: 3));
        var zhang = await host.LoginAsync("zhang.wei");
        var instanceId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "B2" }))["instance"]!["id"]!;
        await RunJobsAsync(host, 4);
        FlakyAction.Calls.ShouldBe(3);

        var admin = await host.LoginAsync("admin");
        var incidents = (await admin.GetJsonAsync("/api/v1/incidents")).AsArray();
        var incident = incidents.Single()!;
        ((string)incident["elementId"]!).ShouldBe("push");
        ((string)incident["messageZh"]!).ShouldContain("部门系统无响应");
        var detail = await admin.GetJsonAsync($"/api/v1/instances/{instanceId}");
        ((bool)detail["instance"]!["hasIncident"]!).ShouldBeTrue();

        await (await zhang.PostAsJsonAsync($"/api/v1/incidents/{incident["id"]}/retry", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await admin.PostJsonAsync($"/api/v1/incidents/{incident["id"]}/retry");
        await RunJobsAsync(host, 1);
        var after = await admin.GetJsonAsync($"/api/v1/instances/{instanceId}");
        ((string)after["instance"]!["status"]!).ShouldBe("completed");
        ((bool)after["instance"]!["hasIncident"]!).ShouldBeFalse();
        (await admin.GetJsonAsync("/api/v1/incidents")).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_service_task_naming_an_unknown_action_is_refused_at_publish()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var id = (long)(await owner.PostJsonAsync("/api/v1/procedures", new { xml = Model(3) }))["id"]!;
        var refused = await owner.PostAsJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "x" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-model");
        problem["problems"]!.AsArray().ShouldContain(p => (string?)p!["elementId"] == "push" && ((string)p["messageEn"]!).Contains("test.flaky"));
    }
}

[CollectionDefinition("flaky", DisableParallelization = true)]
public sealed class FlakyCollection;
