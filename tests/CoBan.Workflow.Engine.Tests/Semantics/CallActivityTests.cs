using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class CallActivityTests
{
    private const string Child = """
        <process id="child" isExecutable="true">
          <startEvent id="cs" /><userTask id="childTask" /><endEvent id="ce" />
          <sequenceFlow id="c1" sourceRef="cs" targetRef="childTask" /><sequenceFlow id="c2" sourceRef="childTask" targetRef="ce" />
        </process>
        """;

    [Fact]
    public void A_call_activity_passes_mapped_variables_in_and_out()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <callActivity id="call" calledElement="child" coban:binding="version" coban:version="2">
              <extensionElements>
                <coban:in source="applicant" target="who" />
                <coban:in sourceExpression="${limit * 2}" target="doubled" />
                <camunda:out source="result" target="childResult" />
              </extensionElements>
            </callActivity>
            <endEvent id="e" />
            {{Chain("s", "call", "e")}}
            """, new { applicant = "张三", limit = 5, secret = "x" }, extraProcesses: Child);
        var start = sim.Of<StartCallActivity>().Single();
        start.CalledElement.ShouldBe("child");
        start.Binding.ShouldBe(CallBinding.Version);
        start.Version.ShouldBe(2);
        start.Variables.Keys.OrderBy(k => k).ShouldBe(["doubled", "who"]);
        start.Variables["doubled"].ShouldBe(10L);
        sim.Instances.Count.ShouldBe(2);
        sim.Instances[1].State!.Variables["who"].ShouldBe("张三");

        sim.Complete("childTask", new Dictionary<string, object?> { ["result"] = "done", ["noise"] = 1L });
        sim.Status.ShouldBe("completed");
        sim.State().Variables["childResult"].ShouldBe("done");
        sim.State().Variables.ContainsKey("noise").ShouldBeFalse();
        sim.Trace.ShouldBe(["s", "call", "cs", "childTask", "ce", "e"]);
    }

    [Fact]
    public void An_error_ending_the_called_process_is_caught_by_the_call_activity_boundary()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><callActivity id="call" calledElement="failing" /><endEvent id="e" />
            <boundaryEvent id="caught" attachedToRef="call"><errorEventDefinition /></boundaryEvent><endEvent id="handled" />
            {Chain("s", "call", "e")}{Flow("caught", "handled")}
            """, roots: """<error id="err" errorCode="REFUSED" />""", extraProcesses: """
            <process id="failing" isExecutable="false">
              <startEvent id="fs" /><endEvent id="fe"><errorEventDefinition errorRef="err" /></endEvent>
              <sequenceFlow id="x1" sourceRef="fs" targetRef="fe" />
            </process>
            """);
        sim.Instances[1].State!.EndErrorCode.ShouldBe("REFUSED");
        sim.Trace.ShouldBe(["s", "call", "fs", "fe", "caught", "handled"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Interrupting_a_call_activity_cancels_the_called_instance()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><callActivity id="call" calledElement="child" /><endEvent id="e" />
            <boundaryEvent id="late" attachedToRef="call"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="timedOut" />
            {Chain("s", "call", "e")}{Flow("late", "timedOut")}
            """, extraProcesses: Child);
        sim.Advance("PT2H");
        sim.Of<CancelCallActivity>().ShouldHaveSingleItem();
        sim.Instances[1].State!.Status.ShouldBe(InstanceStatus.Terminated);
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }
}
