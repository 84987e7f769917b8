using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Simulation;

namespace CoBan.Workflow.Engine.Tests.Support;

/// <summary>Shorthands for driving a model through the simulator in tests.</summary>
public static class Play
{
    public static Simulator Model(string processBody, object? variables = null, string roots = "", string extraProcesses = "", SimulationOptions? options = null) =>
        new Simulator(Bpmn.Parse(processBody, roots, extraProcesses), options ?? Options()).Start(null, Vars(variables), Clock.T0);

    public static SimulationOptions Options(IWorkingDays? calendar = null, Dictionary<string, ServiceOutcome>? services = null) => new()
    {
        Engine = new EngineOptions { Calendar = calendar ?? Calendars.China },
        Services = services ?? [],
    };

    public static Dictionary<string, object?>? Vars(object? anonymous)
    {
        if (anonymous is null) return null;
        if (anonymous is Dictionary<string, object?> d) return d;
        return anonymous.GetType().GetProperties().ToDictionary(p => p.Name, p => Normalize(p.GetValue(anonymous)));
    }

    private static object? Normalize(object? v) => v switch
    {
        int i => (long)i,
        object?[] array => array.Select(Normalize).ToList(),
        _ => v,
    };

    public static IEnumerable<T> Of<T>(this Simulator sim) where T : Command => sim.Commands.Select(c => c.Command).OfType<T>();

    public static InstanceState State(this Simulator sim) => sim.Main!.State!;
}
