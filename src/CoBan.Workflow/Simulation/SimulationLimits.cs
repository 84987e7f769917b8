using System.Collections.Concurrent;
using CoBan.Workflow.Engine.Simulation;

namespace CoBan.Workflow.Simulation;

/// <summary>
/// What one simulation request may spend (configuration section <c>CoBan:Simulation</c>). The
/// defaults run any procedure a person draws in well under a second and stop a model that loops
/// for ever long before it costs the service anything.
/// </summary>
public sealed class SimulationLimits
{
    public const string Section = "CoBan:Simulation";

    public int MaxSteps { get; set; } = 20_000;
    public int MaxTimerFirings { get; set; } = 10_000;
    public int MaxInstances { get; set; } = 1_000;
    public int MaxModelChars { get; set; } = 2_000_000;
    public int MaxElements { get; set; } = 5_000;
    /// <summary>Wall time per request, in milliseconds.</summary>
    public int MaxMilliseconds { get; set; } = 5_000;
    /// <summary>Simulations one user may run at the same time.</summary>
    public int PerUserConcurrency { get; set; } = 2;

    public SimulationBudget Budget(CancellationToken cancellation) => new()
    {
        MaxSteps = MaxSteps, MaxTimerFirings = MaxTimerFirings, MaxInstances = MaxInstances,
        MaxModelChars = MaxModelChars, MaxElements = MaxElements, Cancellation = cancellation,
    };
}

/// <summary>Counts each user's running simulations, so one account cannot occupy every core.</summary>
public sealed class SimulationGate
{
    private readonly ConcurrentDictionary<string, int> _running = new();

    /// <summary>A slot for the user, released when disposed; 429 when the user already runs their limit.</summary>
    public IDisposable Enter(string userId, int limit)
    {
        var now = _running.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (now > limit)
        {
            Leave(userId);
            throw new CoBanException(429, "simulation-busy", $"您已有 {limit} 个试运行在进行，请等待其结束后再试",
                $"you already have {limit} simulations running: wait for one to finish");
        }
        return new Slot(this, userId);
    }

    private void Leave(string userId)
    {
        // Remove the entry at zero so the dictionary does not grow with every user ever seen.
        if (_running.AddOrUpdate(userId, 0, (_, n) => n - 1) <= 0) _running.TryRemove(new KeyValuePair<string, int>(userId, 0));
    }

    private sealed class Slot(SimulationGate gate, string userId) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) gate.Leave(userId);
        }
    }
}
