using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Security;

/// <summary>Writes into another bureau's instances, and taking over a colleague's case, through the generic instance routes.</summary>
public class CrossBureauAttackTests
{
    private const string WaitsForSupplement = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Models.Namespaces}} id="d" targetNamespace="t">
          <bpmn:message id="m" name="补正材料" />
          <bpmn:signal id="s" name="系统维护" />
          <bpmn:process id="supplement-flow" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="wait" name="等待补正" messageRef="m" coban:correlationKey="${caseNo}" />
            <bpmn:boundaryEvent id="paused" attachedToRef="wait" cancelActivity="false"><bpmn:signalEventDefinition signalRef="s" /></bpmn:boundaryEvent>
            <bpmn:userTask id="recheck" name="复核" coban:assignTo="caseOwner" />
            <bpmn:endEvent id="end" /><bpmn:endEvent id="noted" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="recheck" />
            <bpmn:sequenceFlow id="f3" sourceRef="recheck" targetRef="end" />
            <bpmn:sequenceFlow id="f4" sourceRef="paused" targetRef="noted" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<(TestHost Host, HttpClient Zhang, long Instance)> WaitingInstanceAsync()
    {
        var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, WaitsForSupplement);
        var zhang = await host.LoginAsync("zhang.wei");
        var instance = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "1001" }))["instance"]!["id"]!;
        return (host, zhang, instance);
    }

    [Fact]
    public async Task A_coordinator_of_another_bureau_cannot_deliver_a_message_into_this_bureaus_instance()
    {
        var (host, zhang, instance) = await WaitingInstanceAsync();
        await using var _ = host;
        // 郑涛 is a tax-bureau coordinator; the key is a guessable (sequential) case id.
        var tax = await host.LoginAsync("zheng.tao");
        await (await tax.PostAsJsonAsync("/api/v1/messages", new { name = "补正材料", correlationKey = "1001" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Naming the bureau outright is refused too.
        await (await tax.PostAsJsonAsync("/api/v1/messages", new { name = "补正材料", correlationKey = "1001", bureauCode = "BZ-SCJG" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await zhang.GetJsonAsync($"/api/v1/instances/{instance}"))["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["wait"]);
        // The bureau's own coordinator still can.
        await zhang.PostJsonAsync("/api/v1/messages", new { name = "补正材料", correlationKey = "1001" });
        (await zhang.GetJsonAsync($"/api/v1/instances/{instance}"))["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["recheck"]);
    }

    [Fact]
    public async Task A_supervisor_only_reads_and_may_not_send_messages_or_signals()
    {
        var (host, zhang, instance) = await WaitingInstanceAsync();
        await using var _ = host;
        var supervisor = await host.LoginAsync("zhao.jian");
        await (await supervisor.PostAsJsonAsync("/api/v1/messages", new { name = "补正材料", correlationKey = "1001", bureauCode = "BZ-SCJG" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PostAsJsonAsync("/api/v1/signals", new { name = "系统维护" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await zhang.GetJsonAsync($"/api/v1/instances/{instance}"))["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["wait"]);
    }

    [Fact]
    public async Task A_signal_from_another_bureau_reaches_none_of_this_bureaus_instances()
    {
        var (host, _, _) = await WaitingInstanceAsync();
        await using var __ = host;
        var tax = await host.LoginAsync("zheng.tao");
        ((int)(await tax.PostJsonAsync("/api/v1/signals", new { name = "系统维护" }))["instances"]!).ShouldBe(0);
    }

    [Fact]
    public async Task A_coordinator_cannot_take_over_a_case_by_setting_caseOwner_through_the_variables_route()
    {
        var (host, zhang, instance) = await WaitingInstanceAsync();
        await using var _ = host;
        var li = await host.LoginAsync("li.na");
        foreach (var name in new[] { "caseOwner", "caseId", "caseNumber", "bureauCode", "CASEOWNER" })
        {
            var problem = await (await li.PostAsJsonAsync($"/api/v1/instances/{instance}/variables", new { variables = new Dictionary<string, object> { [name] = "li.na" } }))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reserved-variable");
            ((string)problem["detail"]!).ShouldContain(name);
        }
        ((string?)(await zhang.GetJsonAsync($"/api/v1/instances/{instance}"))["variables"]!["caseOwner"]).ShouldBe("zhang.wei");
        // Ordinary variables are still set.
        await li.PostJsonAsync($"/api/v1/instances/{instance}/variables", new { variables = new { pages = 3 } });
    }
}

/// <summary>Refusals about another bureau's objects say nothing about them.</summary>
public class CrossBureauRefusalTests
{
    [Fact]
    public async Task Completing_another_bureaus_completed_task_is_a_plain_403_that_names_nobody()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Models.Review());
        var zhang = await host.LoginAsync("zhang.wei");
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei");
        var taskId = (long)(await zhang.GetJsonAsync("/api/v1/tasks")).AsArray().Single()!["id"]!;
        await zhang.PostJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } });
        // Before: 409 "任务已由 张伟 于 … 完成" to a coordinator of another bureau.
        var chen = await host.LoginAsync("chen.jing");
        var problem = await (await chen.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approved = true } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        problem.ToJsonString().ShouldNotContain("张伟");
    }
}
