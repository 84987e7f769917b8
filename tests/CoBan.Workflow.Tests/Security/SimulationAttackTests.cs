using System.Net;
using System.Net.Http.Json;
using CoBan.Workflow.Simulation;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// Attacks on POST /api/v1/simulations, which runs any model it is sent. It used to be anonymous and
/// recursive: the two looping models below overflowed the stack of the request thread, which no catch
/// stops, and one 645-byte request ended the whole service. Without the iterative simulator these
/// tests do not fail, they kill the test host; so they assert the budget answer and that the host
/// still answers afterwards.
/// </summary>
public class SimulationAttackTests
{
    private static string Model(string body, string roots = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {Models.Namespaces} id="d" targetNamespace="t">
          {roots}
          <bpmn:process id="p" isExecutable="true">{body}</bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A non-interrupting R/PT1S boundary cycle on a task nobody completes.</summary>
    private static readonly string EverySecond = Model("""
        <bpmn:startEvent id="s" /><bpmn:userTask id="wait" />
        <bpmn:boundaryEvent id="tick" attachedToRef="wait" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="e" /><bpmn:endEvent id="ticked" />
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait" /><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e" /><bpmn:sequenceFlow id="f3" sourceRef="tick" targetRef="ticked" />
        """);

    /// <summary>Started by message "again"; its end event throws "again".</summary>
    private static readonly string RestartsItself = Model("""
        <bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
        <bpmn:endEvent id="e"><bpmn:messageEventDefinition messageRef="m" /></bpmn:endEvent>
        <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
        """, """<bpmn:message id="m" name="again" />""");

    private static async Task StillAnswersAsync(TestHost host) =>
        (await host.Anonymous().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Anonymous_callers_cannot_simulate_and_coordinators_are_refused()
    {
        await using var host = await TestHost.StartAsync();
        (await host.Anonymous().PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review() })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await (await host.LoginAsync("zhang.wei")).PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await host.LoginAsync("admin")).PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review(), variables = new { caseOwner = "x" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_one_second_cycle_advanced_ten_years_then_one_second_answers_the_timer_budget()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Simulation:MaxTimerFirings"] = "300" });
        var owner = await host.LoginAsync("owner.scjg");
        var response = await owner.PostAsJsonAsync("/api/v1/simulations", new
        {
            bpmnXml = EverySecond, now = "2026-09-30T09:00:00+08:00",
            steps = new object[] { new { advance = "P10Y" }, new { advance = "PT1S" } },
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "simulation-budget");
        ((string?)problem["errors"]!["budget"]![0]).ShouldBe("timerFirings");
        ((string)problem["detail"]!).ShouldContain("timer firings");
        await StillAnswersAsync(host);
    }

    [Fact]
    public async Task A_message_end_event_that_restarts_its_own_process_answers_the_instance_budget()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Simulation:MaxInstances"] = "100" });
        var owner = await host.LoginAsync("owner.scjg");
        var response = await owner.PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = RestartsItself, startEventId = "s" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "simulation-budget");
        ((string?)problem["errors"]!["budget"]![0]).ShouldBe("instances");
        await StillAnswersAsync(host);
    }

    [Fact]
    public async Task The_default_budgets_stop_both_loops_too()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        foreach (var body in new object[]
        {
            new { bpmnXml = EverySecond, steps = new object[] { new { advance = "P10Y" }, new { advance = "PT1S" } } },
            new { bpmnXml = RestartsItself, startEventId = "s" },
        })
            await (await owner.PostAsJsonAsync("/api/v1/simulations", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "simulation-budget");
        await StillAnswersAsync(host);
    }

    [Fact]
    public async Task Wall_time_model_size_and_element_count_are_budgets_too()
    {
        await using var host = await TestHost.StartAsync(settings: new()
        {
            ["CoBan:Simulation:MaxMilliseconds"] = "0", ["CoBan:Simulation:MaxModelChars"] = "5000", ["CoBan:Simulation:MaxElements"] = "6",
        });
        var owner = await host.LoginAsync("owner.scjg");
        async Task<string?> BudgetOf(string xml) => (string?)(await (await owner.PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = xml, variables = new { caseOwner = "x" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "simulation-budget"))["errors"]!["budget"]![0];
        (await BudgetOf(Models.Review())).ShouldBe("elements");
        (await BudgetOf(Models.Review() + new string(' ', 5000))).ShouldBe("modelSize");
        (await BudgetOf(Model("""<bpmn:startEvent id="s" /><bpmn:userTask id="t" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t" />"""))).ShouldBe("wallTime");
    }

    [Fact]
    public async Task Simulations_past_the_per_user_concurrency_are_refused_with_429()
    {
        var gate = new SimulationGate();
        using (gate.Enter("u1", 2))
        using (gate.Enter("u1", 2))
        {
            Should.Throw<CoBanException>(() => gate.Enter("u1", 2)).Status.ShouldBe(429);
            using var other = gate.Enter("u2", 2); // another user is not held up
        }
        using (gate.Enter("u1", 2)) { } // slots come back when runs end

        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Simulation:PerUserConcurrency"] = "0" });
        await (await (await host.LoginAsync("owner.scjg")).PostAsJsonAsync("/api/v1/simulations", new { bpmnXml = Models.Review() }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "simulation-busy");
    }

    [Fact]
    public async Task A_process_with_only_a_message_start_event_runs_from_the_start_event_named()
    {
        await using var host = await TestHost.StartAsync();
        var owner = await host.LoginAsync("owner.scjg");
        var model = Model("""
            <bpmn:startEvent id="byMail"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent><bpmn:userTask id="t" />
            <bpmn:sequenceFlow id="f" sourceRef="byMail" targetRef="t" />
            """, """<bpmn:message id="m" name="网上申请" />""");
        var result = await owner.PostJsonAsync("/api/v1/simulations", new { bpmnXml = model, startEventId = "byMail" });
        ((string)result["state"]!).ShouldBe("waiting");
        result["waitingAt"]!.AsArray().Select(x => (string?)x).ShouldBe(["t"]);
        var unnamed = await owner.PostJsonAsync("/api/v1/simulations", new { bpmnXml = model });
        ((string)unnamed["errors"]![0]!).ShouldContain("name the start event");
    }
}
