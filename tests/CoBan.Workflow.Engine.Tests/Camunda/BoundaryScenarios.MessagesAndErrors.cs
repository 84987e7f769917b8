using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary><see cref="BoundaryScenarios"/>, continued: message and error boundary events (one class in two files, each readable at once).</summary>
public partial class BoundaryScenarios
{
    [Fact, Camunda7(B, "MessageBoundaryEventTest.testBoundaryMessageEventInsideSubprocess")]
    public void A_message_boundary_on_a_task_inside_a_sub_process_behaves_the_same()
    {
        var model = $"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="task" />{MessageBoundary("msg", "task", "m1")}
              <userTask id="taskAfterMessage" /><userTask id="taskAfterTask" /><endEvent id="e1" /><endEvent id="e2" />
              {Chain("ss", "task", "taskAfterTask", "e1")}{Chain("msg", "taskAfterMessage", "e2")}</subProcess><endEvent id="e" />{Chain("s", "sub", "e")}
            """;
        var sim = Steps.Run(model, roots: MessageRoots);
        sim.Message("messageName").TaskKeys().ShouldBe(["taskAfterMessage"]);
        sim.Complete("taskAfterMessage").Status.ShouldBe("completed");
        sim = Steps.Run(model, roots: MessageRoots);
        sim.Complete("task").Subscriptions().ShouldBe(0);
        sim.Complete("taskAfterTask").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "MessageBoundaryEventTest.testBoundaryMessageEventOnSubprocessAndInsideSubprocess")]
    public void Message_boundaries_inside_and_on_a_sub_process_are_withdrawn_each_when_its_activity_ends()
    {
        var model = $"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="task" />{MessageBoundary("msg", "task", "m1")}
              <userTask id="taskAfterMessage" /><userTask id="taskAfterTask" /><endEvent id="e1" /><endEvent id="e2" />
              {Chain("ss", "task", "taskAfterTask", "e1")}{Chain("msg", "taskAfterMessage", "e2")}</subProcess>
            {MessageBoundary("outerMsg", "sub", "mo")}<userTask id="taskAfterSubprocess" /><userTask id="taskAfterOuterMessage" /><endEvent id="e" /><endEvent id="e3" />
            {Chain("s", "sub", "taskAfterSubprocess", "e")}{Chain("outerMsg", "taskAfterOuterMessage", "e3")}
            """;
        var sim = Steps.Run(model, roots: MessageRoots);
        sim.Subscriptions().ShouldBe(2);
        sim.Complete("task").TaskKeys().ShouldBe(["taskAfterTask"]);
        sim.Subscriptions().ShouldBe(1);
        sim.Complete("taskAfterTask").Subscriptions().ShouldBe(0);
        sim.TaskKeys().ShouldBe(["taskAfterSubprocess"]);

        sim = Steps.Run(model, roots: MessageRoots);
        sim.Message("messageName").TaskKeys().ShouldBe(["taskAfterMessage"]);
        sim.Subscriptions().ShouldBe(1);
        sim.Complete("taskAfterMessage").Subscriptions().ShouldBe(0);
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocess")]
    public void An_error_end_event_in_a_sub_process_is_caught_on_its_boundary()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="t" name="subprocessTask" /><endEvent id="err"><errorEventDefinition errorRef="myError" /></endEvent>{Chain("ss", "t", "err")}</subProcess>
            <boundaryEvent id="catch" attachedToRef="sub"><errorEventDefinition errorRef="myError" /></boundaryEvent><userTask id="after" name="task after catching the error" /><endEvent id="e" />
            {Chain("s", "sub", "e")}{Flow("catch", "after")}
            """, roots: """<error id="myError" errorCode="123" />""");
        sim.TaskNames().ShouldBe(["subprocessTask"]);
        sim.CompleteNamed("subprocessTask").TaskNames().ShouldBe(["task after catching the error"]);
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testThrowErrorWithoutErrorCode")]
    public void An_error_end_event_whose_error_has_no_code_is_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><endEvent id="err"><errorEventDefinition errorRef="myError" /></endEvent>{Flow("s", "err")}
            """, roots: """<error id="myError" />""").ShouldBeRefused("err", "errorCode");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocessWithoutErrorCode")]
    public void A_boundary_whose_error_has_no_code_catches_every_error()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="t" name="subprocessTask" /><endEvent id="err"><errorEventDefinition errorRef="thrown" /></endEvent>{Chain("ss", "t", "err")}</subProcess>
            <boundaryEvent id="catch" attachedToRef="sub"><errorEventDefinition errorRef="anyError" /></boundaryEvent><userTask id="after" name="task after catching the error" /><endEvent id="e" />
            {Chain("s", "sub", "e")}{Flow("catch", "after")}
            """, roots: """<error id="thrown" errorCode="123" /><error id="anyError" />""");
        sim.CompleteNamed("subprocessTask").TaskNames().ShouldBe(["task after catching the error"]);
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorOfInnerSubprocessOnOuterSubprocess")]
    public void An_error_from_an_inner_sub_process_is_caught_on_the_outer_one()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" />
            <subProcess id="outer"><startEvent id="os" />
              <subProcess id="inner"><startEvent id="is" /><parallelGateway id="fork" /><userTask id="i1" name="Inner subprocess task 1" /><userTask id="i2" name="Inner subprocess task 2" />
                <endEvent id="err"><errorEventDefinition errorRef="e123" /></endEvent><endEvent id="ie" />
                {Flow("is", "fork")}{Flow("fork", "i1")}{Flow("fork", "i2")}{Flow("i1", "ie")}{Flow("i2", "err")}</subProcess>
              <endEvent id="oe" />{Chain("os", "inner", "oe")}</subProcess>
            <boundaryEvent id="catch" attachedToRef="outer"><errorEventDefinition errorRef="e123" /></boundaryEvent><userTask id="after" name="task outside subprocess" /><endEvent id="e" />
            {Chain("s", "outer", "e")}{Flow("catch", "after")}
            """, roots: """<error id="e123" errorCode="123" />""");
        sim.TaskNames().ShouldBe(["Inner subprocess task 1", "Inner subprocess task 2"]);
        sim.CompleteNamed("Inner subprocess task 2").TaskNames().ShouldBe(["task outside subprocess"]);
    }

    private static readonly string ConcurrentSubprocesses = $"""
        <startEvent id="s" />
        <subProcess id="outer"><startEvent id="os" /><parallelGateway id="fork" />
          <subProcess id="inner1"><startEvent id="i1s" /><userTask id="taskA" name="task A" /><endEvent id="err1"><errorEventDefinition errorRef="error1" /></endEvent>{Chain("i1s", "taskA", "err1")}</subProcess>
          <subProcess id="inner2"><startEvent id="i2s" /><userTask id="taskB" name="task B" /><endEvent id="err2"><errorEventDefinition errorRef="error2" /></endEvent>{Chain("i2s", "taskB", "err2")}</subProcess>
          <boundaryEvent id="catchError2" attachedToRef="inner2"><errorEventDefinition errorRef="error2" /></boundaryEvent><userTask id="taskC" name="task C" />
          <endEvent id="end1" /><endEvent id="end2" /><endEvent id="end3" />
          {Flow("os", "fork")}{Flow("fork", "inner1")}{Flow("fork", "inner2")}{Flow("inner1", "end1")}{Flow("inner2", "end2")}{Chain("catchError2", "taskC", "end3")}</subProcess>
        <boundaryEvent id="catchError1" attachedToRef="outer"><errorEventDefinition errorRef="error1" /></boundaryEvent><userTask id="taskD" name="task D" /><endEvent id="e" /><endEvent id="ed" />
        {Chain("s", "outer", "e")}{Chain("catchError1", "taskD", "ed")}
        """;

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorInConcurrentEmbeddedSubprocesses")]
    public void Errors_in_concurrent_sub_processes_are_caught_at_the_level_that_names_them()
    {
        const string roots = """<error id="error1" errorCode="1" /><error id="error2" errorCode="2" />""";
        var sim = Steps.Run(ConcurrentSubprocesses, roots: roots);
        sim.TaskNames().ShouldBe(["task A", "task B"]);
        sim.CompleteNamed("task A").TaskNames().ShouldBe(["task D"]);
        sim.CompleteNamed("task D").Status.ShouldBe("completed");

        sim = Steps.Run(ConcurrentSubprocesses, roots: roots);
        sim.CompleteNamed("task B").TaskNames().ShouldBe(["task A", "task C"]);
        sim.CompleteNamed("task C").TaskNames().ShouldBe(["task A"]);
        sim.CompleteNamed("task A").TaskNames().ShouldBe(["task D"]);
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorInConcurrentEmbeddedSubprocessesThrownByScriptTask", Gap = "script task: scripts do not run (refused by name)")]
    public void An_error_thrown_by_a_script_task_is_refused_with_the_script()
    {
        Steps.Read($"""<startEvent id="s" /><scriptTask id="throwing" scriptFormat="groovy"><script>throw new org.camunda.bpm.engine.delegate.BpmnError("x")</script></scriptTask><endEvent id="e" />{Chain("s", "throwing", "e")}""")
            .ShouldBeRefused("throwing", "scriptTask");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testDeeplyNestedErrorThrown")]
    public void Errors_thrown_deep_inside_nested_sub_processes_are_caught_at_the_level_that_names_them()
    {
        var model = $$"""
            <startEvent id="s" />
            <subProcess id="sub1"><startEvent id="s1" />
              <subProcess id="sub2"><startEvent id="s2" />
                <subProcess id="sub3"><startEvent id="s3" /><userTask id="nested" name="Nested task" /><exclusiveGateway id="gw" />
                  <endEvent id="throw1"><errorEventDefinition errorRef="error1" /></endEvent><endEvent id="throw2"><errorEventDefinition errorRef="error2" /></endEvent>
                  {{Chain("s3", "nested", "gw")}}{{Flow("gw", "throw1", condition: "${input == 1}")}}{{Flow("gw", "throw2", condition: "${input == 2}")}}</subProcess>
                <boundaryEvent id="catch1" attachedToRef="sub3"><errorEventDefinition errorRef="error1" /></boundaryEvent><endEvent id="e2" /><endEvent id="e2b" />
                {{Chain("s2", "sub3", "e2")}}{{Flow("catch1", "e2b")}}</subProcess>
              <endEvent id="e1" />{{Chain("s1", "sub2", "e1")}}</subProcess>
            <boundaryEvent id="catch2" attachedToRef="sub1"><errorEventDefinition errorRef="error2" /></boundaryEvent><userTask id="afterCatch" name="task after catch" /><endEvent id="e" /><endEvent id="ee" />
            {{Chain("s", "sub1", "e")}}{{Chain("catch2", "afterCatch", "ee")}}
            """;
        const string roots = """<error id="error1" errorCode="error1" /><error id="error2" errorCode="error2" />""";
        var sim = Steps.Run(model, roots: roots);
        sim.TaskNames().ShouldBe(["Nested task"]);
        sim.CompleteNamed("Nested task", new { input = 1 }).Status.ShouldBe("completed");
        sim = Steps.Run(model, roots: roots);
        sim.CompleteNamed("Nested task", new { input = 2 }).TaskNames().ShouldBe(["task after catch"]);
        sim.CompleteNamed("task after catch").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testDeeplyNestedErrorThrownOnlyAutomaticSteps")]
    public void An_error_thrown_without_wait_states_ends_the_instance_at_the_catching_levels_end_event()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" />
            <subProcess id="sub1"><startEvent id="s1" />
              <subProcess id="sub2"><startEvent id="s2" /><endEvent id="throw2"><errorEventDefinition errorRef="error2" /></endEvent>{{Flow("s2", "throw2")}}</subProcess>
              <boundaryEvent id="catch" attachedToRef="sub2"><errorEventDefinition errorRef="error2" /></boundaryEvent><endEvent id="e1" /><endEvent id="e1b" />
              {{Chain("s1", "sub2", "e1")}}{{Flow("catch", "e1b")}}</subProcess>
            <endEvent id="processEnd1" />{{Chain("s", "sub1", "processEnd1")}}
            """, new { input = 1 }, roots: """<error id="error2" errorCode="error2" />""");
        sim.Status.ShouldBe("completed");
        sim.Trace.Last().ShouldBe("processEnd1");
    }

    private static string Child(string id = "simpleSubProcess") => Steps.Executable(id, $"""
        <startEvent id="cs" /><userTask id="ct" name="Task in subprocess" /><endEvent id="theEnd"><errorEventDefinition errorRef="myError" /></endEvent>{Chain("cs", "ct", "theEnd")}
        """);

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorOnCallActivity")]
    public void An_error_ending_the_called_process_is_caught_on_the_call_activity()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><callActivity id="call" calledElement="simpleSubProcess" />
            <boundaryEvent id="catch" attachedToRef="call"><errorEventDefinition errorRef="myError" /></boundaryEvent><userTask id="esc" name="Escalated Task" /><endEvent id="e" /><endEvent id="ee" />
            {Chain("s", "call", "e")}{Chain("catch", "esc", "ee")}
            """, roots: """<error id="myError" errorCode="myError" />""", extra: Child());
        sim.TaskNames().ShouldBe(["Task in subprocess"]);
        sim.CompleteNamed("Task in subprocess").TaskNames().ShouldBe(["Escalated Task"]);
        sim.CompleteNamed("Escalated Task").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testUncaughtErrorOnCallActivity")]
    public void An_error_the_caller_does_not_catch_either_ends_nothing_silently()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><callActivity id="call" calledElement="simpleSubProcess" /><userTask id="after" /><endEvent id="e" />{Chain("s", "call", "after", "e")}
            """, roots: """<error id="myError" errorCode="myError" />""", extra: Child());
        sim.CompleteNamed("Task in subprocess");
        sim.OpenTasks.ShouldNotContain(t => t.ElementId == "after");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorThrownByCallActivityOnSubprocess")]
    public void An_error_from_a_called_process_is_caught_on_the_enclosing_sub_process()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><callActivity id="call" calledElement="simpleSubProcess" /><endEvent id="se" />{Chain("ss", "call", "se")}</subProcess>
            <boundaryEvent id="catch" attachedToRef="sub"><errorEventDefinition errorRef="myError" /></boundaryEvent><userTask id="esc" name="Escalated Task" /><endEvent id="e" /><endEvent id="ee" />
            {Chain("s", "sub", "e")}{Chain("catch", "esc", "ee")}
            """, roots: """<error id="myError" errorCode="myError" />""", extra: Child());
        sim.CompleteNamed("Task in subprocess").TaskNames().ShouldBe(["Escalated Task"]);
        sim.CompleteNamed("Escalated Task").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorThrownByCallActivityOnCallActivity")]
    public void An_error_crosses_two_levels_of_call_activities_to_the_catching_one()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><callActivity id="call" calledElement="level2" />
            <boundaryEvent id="catch" attachedToRef="call"><errorEventDefinition errorRef="myError" /></boundaryEvent><userTask id="esc" name="Escalated Task" /><endEvent id="e" /><endEvent id="ee" />
            {Chain("s", "call", "e")}{Chain("catch", "esc", "ee")}
            """, roots: """<error id="myError" errorCode="myError" />""",
            extra: Steps.Executable("level2", $"""<startEvent id="l2s" /><callActivity id="call2" calledElement="simpleSubProcess" /><endEvent id="l2e" />{Chain("l2s", "call2", "l2e")}""") + Child());
        sim.CompleteNamed("Task in subprocess").TaskNames().ShouldBe(["Escalated Task"]);
        sim.CompleteNamed("Escalated Task").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryErrorEventTest.testCatchErrorOnParallelMultiInstance")]
    public void An_error_from_one_instance_of_a_parallel_multi_instance_cancels_all_of_them()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" />
            <subProcess id="sub"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>5</loopCardinality></multiInstanceLoopCharacteristics>
              <startEvent id="ss" /><userTask id="t" /><exclusiveGateway id="gw" /><endEvent id="ok" /><endEvent id="err"><errorEventDefinition errorRef="myError" /></endEvent>
              {{Chain("ss", "t", "gw")}}{{Flow("gw", "ok", condition: "${!throwError}")}}{{Flow("gw", "err", condition: "${throwError}")}}</subProcess>
            <boundaryEvent id="catch" attachedToRef="sub"><errorEventDefinition errorRef="myError" /></boundaryEvent><endEvent id="e" /><endEvent id="ce" />
            {{Chain("s", "sub", "e")}}{{Flow("catch", "ce")}}
            """, roots: """<error id="myError" errorCode="myError" />""");
        sim.OpenTasks.Count().ShouldBe(5);
        sim.Complete("t", Play.Vars(new { throwError = false })).Complete("t", Play.Vars(new { throwError = false }));
        sim.Complete("t", Play.Vars(new { throwError = true }));
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }
}
