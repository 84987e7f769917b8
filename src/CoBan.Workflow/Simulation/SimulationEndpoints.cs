using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Simulation;

public sealed record SimulationStep(string? Complete, string? Message, string? Signal, string? Advance, string? CorrelationKey, Dictionary<string, JsonElement>? Variables);

public sealed record SimulationRequest(string? BpmnXml, string? ProcessId, DateTimeOffset? Now, Dictionary<string, JsonElement>? Variables, List<SimulationStep>? Steps,
    Dictionary<string, ServiceAnswer>? Services, string? StartEventId = null);

/// <summary>How a simulated service task answers: complete (default), a BPMN error code, a technical failure, or no answer.</summary>
public sealed record ServiceAnswer(string? ErrorCode, string? Message, bool Pending, Dictionary<string, JsonElement>? Variables);

public sealed record SimulationResponse(string State, IReadOnlyList<string> Trace, IReadOnlyList<string> WaitingAt, IReadOnlyList<Dictionary<string, object?>> Commands,
    IReadOnlyList<string> Errors, IReadOnlyList<ProblemInfo> Problems, IReadOnlyDictionary<string, object?> Variables, DateTimeOffset Now);

/// <summary>
/// POST /api/v1/simulations: runs any model headless with a scripted scenario, touching no stored
/// data. The designer's test-run uses it. Only process owners and administrators may run it (it
/// executes any model sent), each with a few at a time, and every run is bounded by
/// <see cref="SimulationLimits"/>: a spent budget is a 422 naming the budget.
/// </summary>
public static class SimulationEndpoints
{
    public const string RateLimit = "simulations";

    public static IEndpointRouteBuilder MapSimulationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/simulations", Simulate).RequireAuthorization().RequireRateLimiting(RateLimit).WithTags("Simulation");
        return app;
    }

    private static async Task<SimulationResponse> Simulate(SimulationRequest request, CurrentUser me, BureauScope scope, ICalendarSource calendars, CoBanDbContext db,
        TimeProvider clock, SimulationGate gate, Microsoft.Extensions.Options.IOptions<SimulationLimits> limits, CancellationToken ct)
    {
        scope.DemandRole(Roles.ProcessOwner, Roles.Administrator);
        if (string.IsNullOrWhiteSpace(request.BpmnXml))
            throw CoBanException.Invalid("xml-required", "请提供 bpmnXml", "bpmnXml is required", new Dictionary<string, string[]> { ["bpmnXml"] = ["必填 / required"] });
        var steps = new List<ScenarioStep>();
        for (var i = 0; i < (request.Steps?.Count ?? 0); i++) steps.Add(Step(request.Steps![i], i));
        var limit = limits.Value;
        using var slot = gate.Enter(me.Id!, limit.PerUserConcurrency);
        var calendar = await calendars.ForBureauAsync(db, me.BureauId, ct);
        var services = (request.Services ?? []).ToDictionary(kv => kv.Key,
            kv => new ServiceOutcome(kv.Value.ErrorCode, kv.Value.Message, kv.Value.Pending, InstanceService.Values(kv.Value.Variables)));
        using var time = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (limit.MaxMilliseconds > 0) time.CancelAfter(limit.MaxMilliseconds);
        else time.Cancel();
        var options = new SimulationOptions { Engine = new EngineOptions { Calendar = calendar }, Services = services, Budget = limit.Budget(time.Token) };
        var start = request.Now ?? clock.GetUtcNow().ToOffset(ChinaTime.Offset);
        var result = Scenario.Run(request.BpmnXml, request.ProcessId, start, InstanceService.Values(request.Variables), steps, options, request.StartEventId);
        if (result.Spent is { } spent) throw BudgetSpent(spent);
        return new SimulationResponse(result.State, result.Trace, result.WaitingAt, result.Commands.Select(Describe).ToList(), result.Errors,
            result.Problems.Where(p => p.Severity != Engine.Model.ProblemSeverity.Info).Select(ProblemInfo.Of).ToList(), result.Variables, result.Now);
    }

    private static CoBanException BudgetSpent(BudgetSpent spent)
    {
        var (zh, en) = spent.Budget switch
        {
            SimulationBudget.Steps => ("执行步数", "steps"),
            SimulationBudget.TimerFirings => ("定时器触发次数", "timer firings"),
            SimulationBudget.Instances => ("流程实例数", "instances"),
            SimulationBudget.WallTime => ("运行时间", "wall time"),
            SimulationBudget.ModelSize => ("模型大小（字符）", "model size (characters)"),
            SimulationBudget.Elements => ("模型元素数", "model elements"),
            _ => (spent.Budget, spent.Budget),
        };
        var limit = spent.Budget == SimulationBudget.WallTime ? "" : $"（上限 {spent.Limit}）";
        var limitEn = spent.Budget == SimulationBudget.WallTime ? "" : $" (limit {spent.Limit})";
        return CoBanException.Invalid("simulation-budget", $"试运行超出{zh}上限{limit}：模型可能在无限循环，请检查定时器循环和消息",
            $"the simulation spent its {en} budget{limitEn}: the model may loop for ever; check timer cycles and messages",
            new Dictionary<string, string[]> { ["budget"] = [spent.Budget] });
    }

    private static ScenarioStep Step(SimulationStep s, int index)
    {
        var variables = InstanceService.Values(s.Variables);
        var given = new[] { s.Complete, s.Message, s.Signal, s.Advance }.Count(x => x is not null);
        if (given != 1)
            throw CoBanException.Invalid("bad-step", $"第 {index + 1} 步应当且只能包含 complete、message、signal、advance 之一",
                $"step {index + 1} must have exactly one of complete, message, signal, advance", new Dictionary<string, string[]> { [$"steps[{index}]"] = ["complete | message | signal | advance"] });
        if (s.Complete is not null) return new CompleteStep(s.Complete, variables);
        if (s.Message is not null) return new MessageStep(s.Message, variables, s.CorrelationKey);
        if (s.Signal is not null) return new SignalStep(s.Signal, variables);
        return new AdvanceStep(s.Advance!);
    }

    private static Dictionary<string, object?> Describe((int Instance, Command Command) item)
    {
        var result = new Dictionary<string, object?> { ["type"] = item.Command.GetType().Name, ["instance"] = item.Instance };
        foreach (var property in JsonSerializer.SerializeToElement(item.Command, item.Command.GetType(), JsonDefaults.WebWithEnumNames).EnumerateObject())
            result[property.Name] = property.Value;
        return result;
    }

}
