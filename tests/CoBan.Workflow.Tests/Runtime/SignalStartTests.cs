using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Runtime;

/// <summary>A signal start event starts a new instance each time its signal is sent, in the sender's bureau only.</summary>
public class SignalStartTests
{
    private const string Model = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Models.Namespaces}} id="d_roster" targetNamespace="http://coban.test">
          <bpmn:signal id="sig" name="名册发布" />
          <bpmn:process id="roster-check" name="名册核对" isExecutable="true">
            <bpmn:startEvent id="onRoster"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>
            <bpmn:userTask id="check" name="核对名册" coban:candidateRole="coordinator" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="onRoster" targetRef="check" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Each_signal_sent_starts_an_instance_of_the_bureaus_procedure_and_another_bureaus_signal_starts_none()
    {
        await using var host = await TestHost.StartAsync();
        await ProcedureSteps.PublishAsync(host, Model);
        var zhang = await host.LoginAsync("zhang.wei");
        ((int)(await zhang.PostJsonAsync("/api/v1/signals", new { name = "名册发布" }))["instances"]!).ShouldBe(1);
        await zhang.PostJsonAsync("/api/v1/signals", new { name = "名册发布" });
        var tax = await host.LoginAsync("zheng.tao");
        ((int)(await tax.PostJsonAsync("/api/v1/signals", new { name = "名册发布" }))["instances"]!).ShouldBe(0);
        var started = await host.WithDbAsync(db => db.Set<ProcessInstance>().CountAsync(i => i.ProcessId == "roster-check" && i.Status == InstanceStatus.Running));
        started.ShouldBe(2);
    }
}
