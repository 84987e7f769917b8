using CoBan.Workflow.Benchmarks.Engine;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>A suite that is planned but not written yet: listed so that its place and scope are agreed.</summary>
public sealed record PlannedSuite(string Name, string Todo);

public static class SuiteCatalog
{
    public static IReadOnlyList<Suite> Available { get; } = [new EngineSuite(), new Runtime.RuntimeSuite(), new Timers.TimersHarnessSuite(), new Supervision.SupervisionSuite()];

    public static IReadOnlyList<PlannedSuite> Planned { get; } =
    [
    ];

    public static Suite? Find(string name) => Available.FirstOrDefault(s => s.Name == name);
}
