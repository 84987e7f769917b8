using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Runtime;

/// <summary>A called instance cancelled on its own: its caller must not wait at the call activity for ever.</summary>
public class CallActivityCancelTests
{
    private const string Model = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Models.Namespaces}} id="d_caller" targetNamespace="http://coban.test">
          <bpmn:process id="caller-flow" name="调用方" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="callCheck" name="核查" calledElement="check-flow" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callCheck" />
            <bpmn:sequenceFlow id="f2" sourceRef="callCheck" targetRef="end" />
          </bpmn:process>
          <bpmn:process id="check-flow" isExecutable="false">
            <bpmn:startEvent id="cStart" />
            <bpmn:userTask id="check" name="核查材料" coban:assignTo="caseOwner" />
            <bpmn:endEvent id="cEnd" />
            <bpmn:sequenceFlow id="c1" sourceRef="cStart" targetRef="check" />
            <bpmn:sequenceFlow id="c2" sourceRef="check" targetRef="cEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Cancelling_a_called_instance_raises_an_incident_at_the_callers_call_activity_and_a_retry_calls_again()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Model);
        var zhang = await host.LoginAsync("zhang.wei");
        var callerId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei"))["instance"]!["id"]!;
        var childId = await host.WithDbAsync(db => db.Set<ProcessInstance>().Where(i => i.ParentInstanceId == callerId).Select(i => i.Id).SingleAsync());

        var admin = await host.LoginAsync("admin");
        await admin.PostJsonAsync($"/api/v1/instances/{childId}/cancel", new { reason = "申请人撤回" });

        var caller = await admin.GetJsonAsync($"/api/v1/instances/{callerId}");
        ((string)caller["instance"]!["status"]!).ShouldBe("running");
        ((bool)caller["instance"]!["hasIncident"]!).ShouldBeTrue();
        var incident = (await admin.GetJsonAsync("/api/v1/incidents")).AsArray().ShouldHaveSingleItem()!;
        ((string)incident["elementId"]!).ShouldBe("callCheck");
        ((string)incident["messageZh"]!).ShouldContain("申请人撤回");

        await admin.PostJsonAsync($"/api/v1/incidents/{incident["id"]}/retry");
        var running = await host.WithDbAsync(db => db.Set<ProcessInstance>().CountAsync(i => i.ParentInstanceId == callerId && i.Status == InstanceStatus.Running));
        running.ShouldBe(1);
        (await admin.GetJsonAsync("/api/v1/incidents")).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_its_called_instance_without_an_incident()
    {
        await using var host = await TestHost.StartAsync();
        var id = await ProcedureSteps.PublishAsync(host, Model);
        var zhang = await host.LoginAsync("zhang.wei");
        var callerId = (long)(await ProcedureSteps.StartAsync(zhang, id, "zhang.wei"))["instance"]!["id"]!;

        var admin = await host.LoginAsync("admin");
        await admin.PostJsonAsync($"/api/v1/instances/{callerId}/cancel", new { reason = "误登记" });

        var statuses = await host.WithDbAsync(db => db.Set<ProcessInstance>().Select(i => i.Status).ToListAsync());
        statuses.ShouldAllBe(s => s == InstanceStatus.Terminated);
        (await admin.GetJsonAsync("/api/v1/incidents")).AsArray().ShouldBeEmpty();
    }
}
