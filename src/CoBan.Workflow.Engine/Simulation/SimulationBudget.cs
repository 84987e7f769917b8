namespace CoBan.Workflow.Engine.Simulation;

/// <summary>
/// How much one simulation may spend. A model can loop for ever (a timer cycle that fires again at
/// once, a message end event that starts its own process), so every run is bounded; the first limit
/// reached stops the run and is reported by name (<see cref="SimulationBudget.Steps"/> and the others).
/// </summary>
public sealed record SimulationBudget
{
    public const string Steps = "steps";
    public const string TimerFirings = "timerFirings";
    public const string Instances = "instances";
    public const string WallTime = "wallTime";
    public const string ModelSize = "modelSize";
    public const string Elements = "elements";

    /// <summary>Stimuli applied to instances (each one engine advance).</summary>
    public int MaxSteps { get; init; } = 20_000;
    /// <summary>Timers fired, whether by advancing the clock or because they were already due.</summary>
    public int MaxTimerFirings { get; init; } = 10_000;
    /// <summary>Instances alive or ended in the run: the main one, called ones and ones started by messages.</summary>
    public int MaxInstances { get; init; } = 1_000;
    /// <summary>Characters of BPMN XML accepted before parsing.</summary>
    public int MaxModelChars { get; init; } = 2_000_000;
    /// <summary>Flow nodes plus sequence flows over every process of the file.</summary>
    public int MaxElements { get; init; } = 5_000;
    /// <summary>Cancelled when the caller's time is up (the host links it to a timeout); checked between steps.</summary>
    public CancellationToken Cancellation { get; init; }

    public static SimulationBudget Default { get; } = new();
}

/// <summary>The budget that stopped a run, with its limit.</summary>
public sealed record BudgetSpent(string Budget, long Limit)
{
    public override string ToString() => $"模拟超出预算 '{Budget}'（上限 {Limit}）/ the simulation spent its '{Budget}' budget (limit {Limit})";
}
