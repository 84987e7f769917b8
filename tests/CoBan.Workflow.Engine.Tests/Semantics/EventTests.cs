using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class EventTests
{
    [Fact]
    public void An_intermediate_timer_waits_until_the_clock_reaches_it()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT30M</timeDuration></timerEventDefinition></intermediateCatchEvent><endEvent id="e" />
            {Chain("s", "wait", "e")}
            """);
        sim.Advance("PT29M").Status.ShouldBe("waiting");
        sim.Advance("PT1M").Status.ShouldBe("completed");
    }

    [Fact]
    public void A_timer_date_from_an_expression_is_evaluated_when_the_timer_starts()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>${visitAt}</timeDate></timerEventDefinition></intermediateCatchEvent><endEvent id="e" />
            {{Chain("s", "wait", "e")}}
            """, new { visitAt = "2026-10-08T10:00:00+08:00" });
        sim.Of<ScheduleTimer>().Single().Due.ShouldBe(new DateTimeOffset(2026, 10, 8, 10, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_signal_catch_continues_when_the_signal_arrives_and_variables_come_with_it()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><signalEventDefinition signalRef="sig" /></intermediateCatchEvent><endEvent id="e" />
            {Chain("s", "wait", "e")}
            """, roots: """<signal id="sig" name="名册发布" />""");
        sim.Of<SubscribeSignal>().Single().SignalName.ShouldBe("名册发布");
        sim.Signal("名册发布", new Dictionary<string, object?> { ["rosterDate"] = "2026-10-08" });
        sim.Status.ShouldBe("completed");
        sim.State().Variables["rosterDate"].ShouldBe("2026-10-08");
    }

    [Fact]
    public void A_signal_nobody_waits_for_is_ignored_without_a_new_version()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="t" />{Chain("s", "t")}""");
        var result = Executor.Advance(sim.Main!.Definition, sim.State(), new DeliverSignal("nothing"), Clock.T0);
        result.Outcome.ShouldBe(AdvanceOutcome.Ignored);
    }

    [Fact]
    public void A_timer_start_event_is_listed_for_the_host_and_starts_the_instance_when_triggered()
    {
        var document = Bpmn.Parse($"""
            <startEvent id="daily"><timerEventDefinition><timeCycle>0 0 9 ? * MON-FRI</timeCycle></timerEventDefinition></startEvent>
            <serviceTask id="publish" coban:action="roster.publish" /><endEvent id="e" />
            {Chain("daily", "publish", "e")}
            """);
        var process = document.Processes[0];
        process.TimerStarts.Single().Id.ShouldBe("daily");
        var sim = new Simulator(document, Play.Options()).Start(startEventId: "daily", now: Clock.T0);
        sim.Trace.ShouldBe(["daily", "publish", "e"]);
    }

    [Fact]
    public void A_message_start_event_starts_an_instance_by_message_name()
    {
        var document = Bpmn.Parse($"""
            <startEvent id="byMail"><messageEventDefinition messageRef="m" /></startEvent><userTask id="t" />
            {Chain("byMail", "t")}
            """, """<message id="m" name="网上申请" />""");
        document.Processes[0].MessageStarts.Single().Event!.Name.ShouldBe("网上申请");
        var sim = new Simulator(document, Play.Options());
        sim.Message("网上申请", new Dictionary<string, object?> { ["applicant"] = "李四" });
        sim.WaitingAt.ShouldBe(["t"]);
        sim.State().Variables["applicant"].ShouldBe("李四");
    }

    [Fact]
    public void A_message_end_event_asks_the_host_to_deliver_the_message_with_its_correlation_key()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><endEvent id="e"><messageEventDefinition messageRef="m" /></endEvent>
            {{Flow("s", "e")}}
            """, new { caseNo = "X1" }, roots: """<message id="m" name="移交完成" />""");
        var send = sim.Of<SendMessage>().Single();
        send.MessageName.ShouldBe("移交完成");
        send.Variables["caseNo"].ShouldBe("X1");
    }

    [Fact]
    public void A_process_with_no_start_event_starts_at_every_node_without_incoming_flows()
    {
        var sim = Play.Model("""<userTask id="a" /><userTask id="b" />""");
        sim.OpenTasks.Count().ShouldBe(2);
    }

    [Fact]
    public void A_model_that_loops_without_waiting_is_refused_instead_of_hanging()
    {
        var document = Bpmn.Parse($"""
            <startEvent id="s" /><exclusiveGateway id="a" /><task id="t" />
            {Flow("s", "a")}{Flow("a", "t")}{Flow("t", "a", "back")}
            """);
        var result = Executor.Advance(document.Processes[0], null, new Start(), Clock.T0, new EngineOptions { MaxSteps = 500 });
        result.Outcome.ShouldBe(AdvanceOutcome.Rejected);
        result.Rejections.Single().Code.ShouldBe("loop");
    }
}
