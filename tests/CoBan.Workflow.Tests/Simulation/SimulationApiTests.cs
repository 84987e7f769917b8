using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Simulation;

public class SimulationApiTests
{
    private const string Boundary = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:coban="http://coban.workflow/schema/bpmn/1.0" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="check" coban:due="P3WD" />
            <bpmn:boundaryEvent id="late" attachedToRef="check"><bpmn:timerEventDefinition><bpmn:timeDuration>P5WD</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="done" /><bpmn:endEvent id="escalated" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="done" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="escalated" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_scenario_run_by_a_process_owner_reports_trace_waits_and_commands()
    {
        await using var host = await TestHost.StartAsync();
        var result = await (await host.LoginAsync("owner.scjg")).PostJsonAsync("/api/v1/simulations", new
        {
            bpmnXml = Models.Review(),
            now = "2026-09-30T09:00:00+08:00",
            variables = new { caseOwner = "zhang.wei" },
            steps = new object[] { new { complete = "review", variables = new { approved = true } } },
        });
        ((string)result["state"]!).ShouldBe("completed");
        result["trace"]!.AsArray().Select(x => (string?)x).ShouldBe(["start", "review", "decision", "approvedEnd"]);
        var create = result["commands"]!.AsArray().First(c => (string?)c!["type"] == "CreateUserTask")!;
        ((string)create["elementId"]!).ShouldBe("review");
        DateTimeOffset.Parse((string)create["due"]!).ShouldBe(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task Advancing_five_working_days_across_National_Day_fires_the_boundary_timer()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.LoginAsync("owner.scjg");
        var waiting = await client.PostJsonAsync("/api/v1/simulations", new { bpmnXml = Boundary, now = "2026-09-30T09:00:00+08:00", steps = new object[] { new { advance = "P4WD" } } });
        ((string)waiting["state"]!).ShouldBe("waiting");
        waiting["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["check"]);

        var fired = await client.PostJsonAsync("/api/v1/simulations", new { bpmnXml = Boundary, now = "2026-09-30T09:00:00+08:00", steps = new object[] { new { advance = "P5WD" } } });
        ((string)fired["state"]!).ShouldBe("completed");
        fired["trace"]!.AsArray().Select(x => (string?)x).ShouldContain("escalated");
        var schedule = fired["commands"]!.AsArray().First(c => (string?)c!["type"] == "ScheduleTimer")!;
        DateTimeOffset.Parse((string)schedule["due"]!).ShouldBe(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task A_model_with_errors_fails_with_each_problem_and_a_bad_step_is_a_422()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.LoginAsync("owner.scjg");
        var failed = await client.PostJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Broken() });
        ((string)failed["state"]!).ShouldBe("failed");
        failed["problems"]!.AsArray().ShouldContain(p => (string?)p!["elementId"] == "calc");
        failed["errors"]!.AsArray().ShouldNotBeEmpty();

        var badStep = await client.PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review(), steps = new object[] { new { complete = "review", advance = "PT1H" } } });
        (await badStep.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "bad-step"))["errors"]!["steps[0]"].ShouldNotBeNull();

        var wrongTask = await client.PostJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review(), variables = new { caseOwner = "x" }, steps = new object[] { new { complete = "nope" } } });
        ((string)wrongTask["state"]!).ShouldBe("failed");
        ((string)wrongTask["errors"]![0]!).ShouldContain("nope");
    }

    [Fact]
    public async Task Simulating_touches_no_stored_data()
    {
        await using var host = await TestHost.StartAsync();
        var before = await host.WithDbAsync(db => Task.FromResult(db.ChangeTracker.Entries().Count() + db.Set<CoBan.Workflow.Runtime.ProcessInstance>().Count() + db.Set<CoBan.Workflow.Journal.JournalEntry>().Count()));
        await (await host.LoginAsync("owner.scjg")).PostJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review(), variables = new { caseOwner = "zhang.wei" }, steps = new object[] { new { complete = "review", variables = new { approved = false } } } });
        var after = await host.WithDbAsync(db => Task.FromResult(db.Set<CoBan.Workflow.Runtime.ProcessInstance>().Count() + db.Set<CoBan.Workflow.Journal.JournalEntry>().Count()));
        after.ShouldBe(before);
    }
}
