using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Runtime;

public class MessagingTests
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

    [Fact]
    public async Task A_message_reaches_the_instance_with_the_same_correlation_key_and_no_other()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, WaitsForSupplement);
        var zhang = await host.LoginAsync("zhang.wei");
        var a = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "A-1" }))["instance"]!["id"]!;
        var b = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "B-2" }))["instance"]!["id"]!;

        await zhang.PostJsonAsync("/api/v1/messages", new { name = "补正材料", correlationKey = "B-2", variables = new { pages = 4 } });
        (await zhang.GetJsonAsync($"/api/v1/instances/{a}"))["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["wait"]);
        var second = await zhang.GetJsonAsync($"/api/v1/instances/{b}");
        second["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["recheck"]);
        ((long)second["variables"]!["pages"]!).ShouldBe(4);

        var nobody = await zhang.PostAsJsonAsync("/api/v1/messages", new { name = "补正材料", correlationKey = "Z-9" });
        await nobody.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signal_reaches_every_waiting_instance_of_the_callers_bureaus()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, WaitsForSupplement);
        var zhang = await host.LoginAsync("zhang.wei");
        var first = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "A-1" }))["instance"]!["id"]!;
        await ProcedureSteps.StartAsync(zhang, id, "zhang.wei", new { caseNo = "B-2" });
        var result = await zhang.PostJsonAsync("/api/v1/signals", new { name = "系统维护" });
        ((int)result["instances"]!).ShouldBe(2);
        var journal = (await zhang.GetJsonAsync($"/api/v1/instances/{first}/journal")).AsArray();
        journal.ShouldContain(j => (string?)j!["action"] == "signal.received" && ((string)j["detail"]!).Contains("noted"));
        (await zhang.GetJsonAsync($"/api/v1/instances/{first}"))["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["wait"]);
    }
}
