using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Runtime;

/// <summary>Camunda's condition evaluation: variables sent to /api/v1/conditions start the procedures whose conditional start event holds on them.</summary>
public class ConditionalStartTests
{
    private const string Model = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Models.Namespaces}} id="d_backlog" targetNamespace="http://coban.test">
          <bpmn:process id="backlog-review" name="积压复核" isExecutable="true">
            <bpmn:startEvent id="whenBacklog"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${backlog &gt; 20}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:startEvent>
            <bpmn:userTask id="review" name="复核积压" coban:candidateRole="coordinator" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="whenBacklog" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Variables_satisfying_a_conditional_start_start_an_instance_with_them_and_others_start_none(Db db)
    {
        await using var host = await TestHost.StartAsync(db);
        await ProcedureSteps.PublishAsync(host, Model);
        var zhang = await host.LoginAsync("zhang.wei");
        ((int)(await zhang.PostJsonAsync("/api/v1/conditions", new { variables = new { backlog = 5 } }))["instances"]!).ShouldBe(0);
        ((int)(await zhang.PostJsonAsync("/api/v1/conditions", new { variables = new { other = 50 } }))["instances"]!).ShouldBe(0);
        ((int)(await zhang.PostJsonAsync("/api/v1/conditions", new { variables = new { backlog = 30 } }))["instances"]!).ShouldBe(1);
        var tax = await host.LoginAsync("zheng.tao");
        ((int)(await tax.PostJsonAsync("/api/v1/conditions", new { variables = new { backlog = 30 } }))["instances"]!).ShouldBe(0);
        var started = await host.WithDbAsync(d => d.Set<ProcessInstance>().CountAsync(i => i.ProcessId == "backlog-review" && i.Status == InstanceStatus.Running));
        started.ShouldBe(1);
    }
}
