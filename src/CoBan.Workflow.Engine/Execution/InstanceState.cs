namespace CoBan.Workflow.Engine.Execution;

public enum InstanceStatus : byte { Running, Completed, Terminated }

/// <summary>
/// Everything the engine knows about one running instance: a small mutable value that the
/// executor copies before changing (callers' states are never modified) and that serialises to
/// compact JSON (<see cref="StateJson"/>). <see cref="Version"/> grows by one per applied stimulus,
/// for optimistic concurrency in the host.
/// </summary>
public sealed class InstanceState
{
    public int Version { get; set; }
    public required string ProcessId { get; set; }
    public InstanceStatus Status { get; set; }

    /// <summary>Next id for executions and waits (tasks, timers, subscriptions, service and call waits).</summary>
    public int NextId { get; set; } = 1;

    /// <summary>True when started by a call activity: an uncaught error then ends it and goes to the caller.</summary>
    public bool Called { get; set; }

    /// <summary>The error code this instance ended with, when an uncaught BPMN error ended a called instance.</summary>
    public string? EndErrorCode { get; set; }

    // Created on first use: Clone and StateJson assign their own, and an initialiser would build one
    // that is thrown away at once (two allocations per Advance).
    private Dictionary<string, object?>? _variables;
    private List<Execution>? _executions;

    public Dictionary<string, object?> Variables
    {
        get => _variables ??= new(StringComparer.Ordinal);
        set => _variables = value;
    }

    public List<Execution> Executions
    {
        get => _executions ??= [];
        set => _executions = value;
    }

    public bool IsEnded => Status != InstanceStatus.Running;

    public InstanceState Clone()
    {
        var copy = new InstanceState
        {
            Version = Version,
            ProcessId = ProcessId,
            Status = Status,
            NextId = NextId,
            Called = Called,
            EndErrorCode = EndErrorCode,
            Variables = new Dictionary<string, object?>(Variables, StringComparer.Ordinal),
            Executions = new List<Execution>(Executions.Count),
        };
        foreach (var e in Executions) copy.Executions.Add(e.Clone());
        return copy;
    }

    /// <summary>Where the instance waits: element ids of waiting executions (tasks, events, joins, incidents).</summary>
    public IEnumerable<string> WaitingAt => Executions
        .Where(e => e.State is ExecutionState.Waiting or ExecutionState.Joining or ExecutionState.Incident)
        .Select(e => e.ElementId);

    public Execution? FindExecution(int id)
    {
        foreach (var e in Executions) if (e.Id == id) return e;
        return null;
    }

    /// <summary>The execution holding a wait (task, timer, subscription, service or call), and the wait.</summary>
    public (Execution Execution, Wait Wait)? FindWait(int waitId)
    {
        foreach (var e in Executions)
        {
            if (e.Waits is null) continue;
            foreach (var w in e.Waits) if (w.Id == waitId) return (e, w);
        }
        return null;
    }
}

public enum ExecutionState : byte
{
    /// <summary>Moving (only inside one Advance).</summary>
    Active,
    /// <summary>At an activity or event that waits for a stimulus.</summary>
    Waiting,
    /// <summary>The scope of a running sub-process: its children are the executions inside.</summary>
    Scope,
    /// <summary>The body of a multi-instance activity: its children are the instances.</summary>
    MultiInstance,
    /// <summary>Arrived at a parallel or inclusive join, waiting for the other branches.</summary>
    Joining,
    /// <summary>Stopped by an incident (a failure a person must look at), retryable.</summary>
    Incident,
    /// <summary>
    /// Listens for an event sub-process's start event while its scope runs. Not a token: a scope whose
    /// only executions listen is complete, and its listeners are withdrawn.
    /// </summary>
    Listening,
}

/// <summary>A token, or a scope (sub-process, multi-instance body), in the execution tree.</summary>
public sealed class Execution
{
    public int Id { get; set; }
    /// <summary>The scope execution this one lives in; 0 = the process level.</summary>
    public int Parent { get; set; }
    public required string ElementId { get; set; }
    public ExecutionState State { get; set; }
    /// <summary>At a join: the incoming flow the token arrived on. On a compensation listener handed out of a completed sub-process or multi-instance activity: that activity's id.</summary>
    public string? FlowId { get; set; }
    /// <summary>Scope-local variables (multi-instance counters, the element variable, loopCounter).</summary>
    public Dictionary<string, object?>? Locals { get; set; }
    public List<Wait>? Waits { get; set; }
    /// <summary>The incident message, when <see cref="State"/> is Incident.</summary>
    public string? Incident { get; set; }
    /// <summary>For a compensation handler's token: the compensation throw event's execution, which waits for its handlers.</summary>
    public int Thrower { get; set; }

    public Execution Clone() => new()
    {
        Id = Id,
        Parent = Parent,
        ElementId = ElementId,
        State = State,
        FlowId = FlowId,
        Incident = Incident,
        Thrower = Thrower,
        Locals = Locals is null ? null : new Dictionary<string, object?>(Locals, StringComparer.Ordinal),
        // Waits are immutable records: the copy needs its own list, not its own waits.
        Waits = Waits is null ? null : new List<Wait>(Waits),
    };
}

public enum WaitKind : byte { Task, Timer, Message, Signal, Service, Call, Condition }

/// <summary>
/// Something an execution waits for. <see cref="ElementId"/> is the element that reacts when it
/// happens: the activity itself, one of its boundary events, or an event-based gateway's target.
/// </summary>
public sealed record Wait
{
    public int Id { get; init; }
    public WaitKind Kind { get; init; }
    public required string ElementId { get; init; }
    /// <summary>Message or signal name.</summary>
    public string? Name { get; init; }
    /// <summary>Message correlation key, when the wait has one.</summary>
    public string? Key { get; init; }
    public DateTimeOffset? Due { get; init; }
    /// <summary>How many times a cycle timer has fired before this wait.</summary>
    public int Fired { get; init; }
}
