using CoBan.Workflow.Benchmarks.Engine;

namespace CoBan.Workflow.Benchmarks.Harness;

/// <summary>A suite that is planned but not written yet: listed so that its place and scope are agreed.</summary>
public sealed record PlannedSuite(string Name, string Todo);

public static class SuiteCatalog
{
    public static IReadOnlyList<Suite> Available { get; } = [new EngineSuite(), new Runtime.RuntimeSuite(), new Timers.TimersHarnessSuite()];

    public static IReadOnlyList<PlannedSuite> Planned { get; } =
    [
        new("supervision", "TODO (scope to be agreed with the Supervision feature): the daily check over many open cases " +
            "(late handling flagged and listed for follow-up, 挂账督办), on-time rates per bureau and the periodic rankings, on a seeded database."),
    ];

    public static Suite? Find(string name) => Available.FirstOrDefault(s => s.Name == name);
}
