using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class MultiInstanceTests
{
    [Fact]
    public void Parallel_multi_instance_with_cardinality_creates_every_instance_at_once()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <userTask id="sign"><multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            <endEvent id="e" />
            {Chain("s", "sign", "e")}
            """);
        sim.OpenTasks.Count().ShouldBe(3);
        var body = sim.State().Executions.Single(x => x.State == ExecutionState.MultiInstance);
        body.Locals!["nrOfInstances"].ShouldBe(3L);
        body.Locals["nrOfActiveInstances"].ShouldBe(3L);
        sim.Complete("sign").Complete("sign");
        sim.Status.ShouldBe("waiting");
        sim.Complete("sign").Status.ShouldBe("completed");
    }

    [Fact]
    public void Sequential_multi_instance_over_a_collection_gives_each_instance_its_element_and_loop_counter()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <userTask id="visit" coban:assignTo="${bureau}">
              <multiInstanceLoopCharacteristics isSequential="true" coban:collection="chain" coban:elementVariable="bureau" />
            </userTask>
            <endEvent id="e" />
            {{Chain("s", "visit", "e")}}
            """, new { chain = new object[] { "市场监管局", "税务局", "社保中心" } });
        var seen = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var open = sim.OpenTasks.ShouldHaveSingleItem();
            seen.Add(open.Command.Assignee);
            sim.Instances[0].State!.Executions.Single(x => x.Locals?.ContainsKey("loopCounter") == true).Locals!["loopCounter"].ShouldBe((long)i);
            sim.Complete("visit");
        }
        seen.ShouldBe(["市场监管局", "税务局", "社保中心"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_completion_condition_ends_the_multi_instance_early_and_cancels_the_remaining_instances()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <userTask id="vote">
              <multiInstanceLoopCharacteristics>
                <loopCardinality>5</loopCardinality>
                <completionCondition>${nrOfCompletedInstances >= 3}</completionCondition>
              </multiInstanceLoopCharacteristics>
            </userTask>
            <endEvent id="e" />
            {{Chain("s", "vote", "e")}}
            """);
        sim.Complete("vote").Complete("vote");
        sim.OpenTasks.Count().ShouldBe(3);
        sim.Complete("vote");
        sim.Status.ShouldBe("completed");
        sim.Of<CancelUserTask>().Count().ShouldBe(2);
    }

    [Fact]
    public void A_multi_instance_sub_process_runs_its_inside_once_per_element()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <subProcess id="perBureau">
              <multiInstanceLoopCharacteristics camunda:collection="${bureaus}" camunda:elementVariable="b" />
              <startEvent id="ps" /><userTask id="part" /><endEvent id="pe" />{{Chain("ps", "part", "pe")}}
            </subProcess>
            <endEvent id="e" />
            {{Chain("s", "perBureau", "e")}}
            """, new { bureaus = new object[] { "A", "B" } });
        sim.OpenTasks.Count().ShouldBe(2);
        sim.Complete("part").Complete("part");
        sim.Status.ShouldBe("completed");
        sim.Trace.Count(t => t == "pe").ShouldBe(2);
    }

    [Fact]
    public void A_multi_instance_call_activity_starts_one_called_instance_per_item()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <callActivity id="call" calledElement="child"><multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></callActivity>
            <endEvent id="e" />
            {Chain("s", "call", "e")}
            """, extraProcesses: """
            <process id="child" isExecutable="true"><startEvent id="cs" /><endEvent id="ce" /><sequenceFlow id="c1" sourceRef="cs" targetRef="ce" /></process>
            """);
        sim.Of<StartCallActivity>().Count().ShouldBe(3);
        sim.Instances.Count.ShouldBe(4);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_boundary_timer_on_a_multi_instance_activity_interrupts_all_its_instances()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <userTask id="sign"><multiInstanceLoopCharacteristics><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            <boundaryEvent id="late" attachedToRef="sign"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="e" /><endEvent id="te" />
            {Chain("s", "sign", "e")}{Flow("late", "te")}
            """);
        sim.Of<ScheduleTimer>().ShouldHaveSingleItem();
        sim.Advance("PT1H");
        sim.OpenTasks.ShouldBeEmpty();
        sim.Of<CancelUserTask>().Count().ShouldBe(2);
        sim.Trace.Last().ShouldBe("te");
    }
}
