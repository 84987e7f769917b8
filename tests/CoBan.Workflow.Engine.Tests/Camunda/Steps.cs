using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>What the Java tests ask the engine (task query by name, subscriptions, jobs), asked of the simulator.</summary>
public static class Steps
{
    /// <summary>Open task names, sorted as <c>orderByTaskName().asc()</c>.</summary>
    public static string[] TaskNames(this Simulator sim) => [.. sim.OpenTasks.Select(t => t.Name ?? t.ElementId).Order(StringComparer.Ordinal)];

    public static string[] TaskKeys(this Simulator sim) => [.. sim.OpenTasks.Select(t => t.ElementId).Order(StringComparer.Ordinal)];

    /// <summary>Completes the first open task with this name (Camunda's tests find tasks by name).</summary>
    public static Simulator CompleteNamed(this Simulator sim, string name, object? variables = null)
    {
        var task = sim.OpenTasks.First(t => t.Name == name);
        return sim.Complete(task.ElementId, Play.Vars(variables));
    }

    /// <summary>Message and signal subscriptions still open, across instances (Camunda's event subscription query).</summary>
    public static int Subscriptions(this Simulator sim, WaitKind? kind = null) =>
        sim.Instances.Where(i => i.State is { IsEnded: false }).Sum(i => i.State!.Executions.Sum(e => e.Waits?.Count(w => kind is null ? w.Kind is WaitKind.Message or WaitKind.Signal : w.Kind == kind) ?? 0));

    public static int Jobs(this Simulator sim) => sim.Timers.Count();

    public static bool Ended(this Simulator sim, int instance = 0) => sim.Instances[instance].State is { IsEnded: true };

    public static int Invocations(this Simulator sim, string elementId) => sim.Of<InvokeService>().Count(c => c.ElementId == elementId);

    public static Simulator Run(string body, object? variables = null, string roots = "", string extra = "", SimulationOptions? options = null) =>
        Play.Model(body, variables, roots, extra, options);

    public static BpmnDocument Read(string body, string roots = "", string extra = "") => BpmnReader.Parse(Bpmn.Xml(body, roots, extraProcesses: extra));

    public static void ShouldBeRefused(this BpmnDocument document, string elementId, string text) =>
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == elementId && p.MessageEn.Contains(text),
            string.Join("\n", document.Problems));

    public static string Executable(string id, string body) => $"""<process id="{id}" isExecutable="true">{body}</process>""";
}
