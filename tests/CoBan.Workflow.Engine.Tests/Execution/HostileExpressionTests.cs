using System.Text;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Execution;

/// <summary>
/// Expressions written by process owners (conditions, timers, service parameters, correlation keys, output
/// mappings) and values typed into forms: one that is too big or fails is refused at validation naming the
/// element, or raises an incident at the element while running, never an exception.
/// </summary>
public class HostileExpressionTests
{
    [Fact]
    public void A_condition_too_long_or_nested_too_deeply_is_refused_at_validation_naming_the_flow()
    {
        var tooLong = "${" + string.Concat(Enumerable.Repeat("a + ", 20_000)) + "a}";
        var tooDeep = "${" + new string('(', 2_000) + "1" + new string(')', 2_000) + " > 0}";
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><exclusiveGateway id="gw" /><endEvent id="a" /><endEvent id="b" />
            {Flow("s", "gw")}{Flow("gw", "a", "long", tooLong)}{Flow("gw", "b", "deep", tooDeep)}
            """));
        document.Processes.ShouldBeEmpty();
        var problems = document.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        problems.Select(p => p.ElementId).ShouldBe(["long", "deep"]);
        problems.ShouldAllBe(p => p.ElementType == "sequenceFlow");
        problems[0].MessageEn.ShouldStartWith("invalid condition expression: expression too long");
        problems[1].MessageEn.ShouldStartWith("invalid condition expression: expression nested too deeply");
        problems[0].MessageZh.ShouldStartWith("条件表达式有误");
    }

    [Fact]
    public void A_condition_that_explodes_while_running_raises_an_incident_at_the_gateway_naming_the_flow()
    {
        var bomb = "${s" + string.Concat(Enumerable.Repeat(" + s", 500)) + " == ''}";
        var document = Bpmn.Parse($"""
            <startEvent id="s0" /><exclusiveGateway id="gw" default="other" /><endEvent id="a" /><endEvent id="b" />
            {Flow("s0", "gw")}{Flow("gw", "a", "bomb", bomb)}{Flow("gw", "b", "other")}
            """);
        var result = Executor.Advance(document.Processes[0], null, new Start(Play.Vars(new { s = new string('x', 100_000) })), Clock.T0);
        result.Applied.ShouldBeTrue();
        var incident = result.Commands.OfType<RaiseIncident>().ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("gw");
        incident.MessageEn.ShouldStartWith("the condition of sequence flow 'bomb' failed: expression too costly");
        incident.MessageZh.ShouldContain("'bomb'");
    }

    [Fact]
    public void A_timer_expression_that_cannot_parse_is_refused_at_validation_quoting_it()
    {
        var document = BpmnReader.Parse(Xml($$"""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>${{{new string('(', 2_000)}}</timeDuration></timerEventDefinition></intermediateCatchEvent>
            {{Flow("s", "wait")}}
            """));
        var problem = document.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        problem.ElementId.ShouldBe("wait");
        problem.MessageEn.ShouldStartWith("invalid timer expression: expression nested too deeply");
    }

    [Theory]
    [InlineData("${s + s}", "expression too costly")]
    [InlineData("${'P99999999Y'}", "Months value must be between")]
    [InlineData("${'P999999999999999999999Y'}", "a number is too large")]
    [InlineData("${'soon'}", "'soon'")]
    [InlineData("${null}", "gave null")]
    public void A_timer_expression_that_explodes_while_running_raises_an_incident_at_the_event(string timer, string expected)
    {
        var document = Bpmn.Parse($"""
            <startEvent id="s0" /><intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>{timer}</timeDuration></timerEventDefinition></intermediateCatchEvent>
            {Flow("s0", "wait")}
            """);
        var result = Executor.Advance(document.Processes[0], null, new Start(Play.Vars(new { s = new string('x', 600_000) })), Clock.T0);
        result.Applied.ShouldBeTrue();
        result.Commands.OfType<ScheduleTimer>().ShouldBeEmpty();
        var incident = result.Commands.OfType<RaiseIncident>().ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("wait");
        incident.MessageEn.ShouldStartWith("the timer or correlation key of 'wait' failed: ");
        incident.MessageEn.ShouldContain(expected);
    }

    [Fact]
    public void A_service_parameter_that_still_fails_on_retry_raises_the_incident_again()
    {
        var document = Bpmn.Parse($$"""
            <startEvent id="s" /><serviceTask id="t" coban:action="case.setStatus"><extensionElements><coban:param name="p" value="${applicant.name}" /></extensionElements></serviceTask>
            {{Flow("s", "t")}}
            """);
        var started = Executor.Advance(document.Processes[0], null, new Start(), Clock.T0);
        var incident = started.Commands.OfType<RaiseIncident>().Single();
        incident.MessageEn.ShouldStartWith("a service parameter failed: ");
        var retried = Should.NotThrow(() => Executor.Advance(document.Processes[0], started.State, new RetryIncident(incident.ExecutionId), Clock.T0));
        retried.Commands.Select(c => c.GetType().Name).ShouldBe(["ResolveIncident", "RaiseIncident"]);
        retried.State.Executions.Single().State.ShouldBe(ExecutionState.Incident);

        var fixedData = Executor.Advance(document.Processes[0], retried.State, new SetVariables(new Dictionary<string, object?> { ["applicant"] = new Dictionary<string, object?> { ["name"] = "张三" } }), Clock.T0);
        var invoked = Executor.Advance(document.Processes[0], fixedData.State, new RetryIncident(incident.ExecutionId), Clock.T0);
        invoked.Commands.OfType<InvokeService>().Single().Parameters["p"].ShouldBe("张三");
    }

    [Fact]
    public void A_message_throw_whose_correlation_key_fails_stops_with_an_incident()
    {
        var document = Bpmn.Parse($$"""
            <startEvent id="s" /><endEvent id="done" coban:correlationKey="${case.no}"><messageEventDefinition messageRef="m" /></endEvent>
            {{Flow("s", "done")}}
            """, """<message id="m" name="办结" />""");
        var result = Should.NotThrow(() => Executor.Advance(document.Processes[0], null, new Start(), Clock.T0));
        result.Commands.OfType<SendMessage>().ShouldBeEmpty();
        var incident = result.Commands.OfType<RaiseIncident>().Single();
        incident.ElementId.ShouldBe("done");
        incident.MessageEn.ShouldStartWith("the name or correlation key of message '办结' failed: ");
        result.State.Status.ShouldBe(InstanceStatus.Running);
    }

    [Fact]
    public void A_call_activity_output_mapping_that_fails_stops_the_call_activity_with_an_incident_and_maps_nothing()
    {
        var document = Bpmn.Parse($$"""
            <startEvent id="s" /><endEvent id="e" />
            <callActivity id="call" calledElement="child">
              <extensionElements><coban:out source="ok" target="mapped" /><coban:out sourceExpression="${result.value}" target="value" /></extensionElements>
            </callActivity>
            {{Chain("s", "call", "e")}}
            """);
        var started = Executor.Advance(document.Processes[0], null, new Start(), Clock.T0);
        var call = started.Commands.OfType<StartCallActivity>().Single();
        var done = Should.NotThrow(() => Executor.Advance(document.Processes[0], started.State,
            new CompleteCallActivity(call.CallId, new Dictionary<string, object?> { ["ok"] = 1L }), Clock.T0));
        done.Commands.OfType<RaiseIncident>().Single().MessageEn.ShouldStartWith("the call activity's output mapping failed: ");
        done.State.Variables.ShouldNotContainKey("mapped");
        done.State.WaitingAt.ShouldBe(["call"]);
    }

    [Fact]
    public void A_variable_nested_too_deeply_in_a_completed_form_is_rejected_not_thrown()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="t" /><endEvent id="e" />{Chain("s", "t", "e")}""");
        object? deep = "bottom";
        for (var i = 0; i < 100; i++) deep = new List<object?> { deep };
        var result = Executor.Advance(sim.Main!.Definition, sim.State(), new CompleteTask(sim.OpenTasks.Single().TaskId, new Dictionary<string, object?> { ["answer"] = deep }), Clock.T0);
        result.Outcome.ShouldBe(AdvanceOutcome.Rejected);
        var rejection = result.Rejections.ShouldHaveSingleItem();
        rejection.Code.ShouldBe("invalid-variable");
        rejection.MessageEn.ShouldContain("'answer'");
        result.State.ShouldBeSameAs(sim.State());
    }
}
