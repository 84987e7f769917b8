using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;

namespace CoBan.Workflow.Engine.Simulation;

using Vars = IReadOnlyDictionary<string, object?>;

public abstract record ScenarioStep;
public sealed record CompleteStep(string ElementId, Vars? Variables = null) : ScenarioStep;
public sealed record MessageStep(string Name, Vars? Variables = null, string? CorrelationKey = null) : ScenarioStep;
public sealed record SignalStep(string Name, Vars? Variables = null) : ScenarioStep;
public sealed record AdvanceStep(string Duration) : ScenarioStep;

public sealed record ScenarioResult(
    string State,
    IReadOnlyList<string> Trace,
    IReadOnlyList<string> WaitingAt,
    IReadOnlyList<(int Instance, Command Command)> Commands,
    IReadOnlyList<string> Errors,
    IReadOnlyList<BpmnProblem> Problems,
    Vars Variables,
    DateTimeOffset Now,
    BudgetSpent? Spent = null);

/// <summary>A scripted run: parse, start, apply each step, report. Stops at the first step that fails.</summary>
public static class Scenario
{
    public static ScenarioResult Run(string bpmnXml, string? processId, DateTimeOffset start, Vars? variables,
        IEnumerable<ScenarioStep> steps, SimulationOptions? options = null, string? startEventId = null)
    {
        var budget = (options ?? new SimulationOptions()).Budget;
        // Sizes are checked before any work: parsing and validating cost grows with the model.
        if (bpmnXml.Length > budget.MaxModelChars)
            return Refused(new BudgetSpent(SimulationBudget.ModelSize, budget.MaxModelChars), start);
        var document = BpmnReader.Parse(bpmnXml);
        var elements = document.Processes.Sum(p => (long)p.Nodes.Count + p.Flows.Count);
        if (elements > budget.MaxElements)
            return Refused(new BudgetSpent(SimulationBudget.Elements, budget.MaxElements), start);
        var problems = document.Problems.Where(p => p.Severity != ProblemSeverity.Info).ToList();
        if (document.HasErrors)
            return new ScenarioResult("failed", [], [], [], problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()).ToList(),
                problems, new Dictionary<string, object?>(), start);
        return Run(document, processId, start, variables, steps, options, startEventId) with { Problems = problems };
    }

    private static ScenarioResult Refused(BudgetSpent spent, DateTimeOffset start) =>
        new("failed", [], [], [], [spent.ToString()], [], new Dictionary<string, object?>(), start, spent);

    public static ScenarioResult Run(BpmnDocument document, string? processId, DateTimeOffset start, Vars? variables,
        IEnumerable<ScenarioStep> steps, SimulationOptions? options = null, string? startEventId = null)
    {
        var sim = new Simulator(document, options).Start(processId, variables, start, startEventId);
        foreach (var step in steps)
        {
            if (sim.Errors.Count > 0 || sim.Spent is not null) break;
            _ = step switch
            {
                CompleteStep c => sim.Complete(c.ElementId, c.Variables),
                MessageStep m => sim.Message(m.Name, m.Variables, m.CorrelationKey),
                SignalStep s => sim.Signal(s.Name, s.Variables),
                AdvanceStep a => sim.Advance(a.Duration),
                _ => sim,
            };
        }
        var errors = sim.Spent is { } spent ? [.. sim.Errors, spent.ToString()] : sim.Errors;
        return new ScenarioResult(errors.Count > 0 ? "failed" : sim.Status, sim.Trace, sim.WaitingAt.ToList(), sim.Commands,
            errors, document.Problems, (Vars?)sim.Main?.State?.Variables ?? new Dictionary<string, object?>(), sim.Now, sim.Spent);
    }
}
