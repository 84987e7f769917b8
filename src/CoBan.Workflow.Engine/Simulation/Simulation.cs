using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Engine.Simulation;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>What a simulated service call does (by service task id); the default completes at once.</summary>
public sealed record ServiceOutcome(string? ErrorCode = null, string? Message = null, bool Pending = false, Vars? Variables = null);

public sealed record SimulationOptions
{
    public EngineOptions Engine { get; init; } = EngineOptions.Default;
    public IReadOnlyDictionary<string, ServiceOutcome> Services { get; init; } = new Dictionary<string, ServiceOutcome>();
    /// <summary>Called processes nest at most this deep (a process calling itself would never end).</summary>
    public int MaxCallDepth { get; init; } = 16;
    /// <summary>What one run may spend before it stops (steps, timer firings, instances, time, model size).</summary>
    public SimulationBudget Budget { get; init; } = SimulationBudget.Default;
}

/// <summary>
/// Runs a model headless, in memory, with the clock under the caller's control: a stand-in for the
/// host that applies commands itself (timers kept in a list, services answered at once, call
/// activities started from the same file). The designer's test-run and the engine tests use it.
/// Work runs from an explicit stack, never by recursion: a model that loops for ever (a timer cycle
/// due again at once, a message that restarts its own process) spends its budget and stops, where a
/// recursive simulator overflowed the thread's stack and ended the process.
/// </summary>
public sealed partial class Simulator
{
    private readonly BpmnDocument _document;
    private readonly SimulationOptions _options;
    private readonly List<SimulatedInstance> _instances = [];
    private readonly List<string> _errors = [];

    public Simulator(BpmnDocument document, SimulationOptions? options = null)
    {
        _document = document;
        _options = options ?? new SimulationOptions();
    }

    public DateTimeOffset Now { get; private set; }
    public SimulatedInstance? Main => _instances.Count > 0 ? _instances[0] : null;
    public IReadOnlyList<SimulatedInstance> Instances => _instances;

    /// <summary>Element ids entered, in order, across the main and called instances.</summary>
    public List<string> Trace { get; } = [];

    /// <summary>Every command the engine issued, with the instance it came from.</summary>
    public List<(int Instance, Command Command)> Commands { get; } = [];

    /// <summary>Rejected steps and open incidents, said in Chinese and English.</summary>
    public IReadOnlyList<string> Errors => [.. _errors, .. OpenIncidents];

    /// <summary>The budget that stopped the run, if one did: nothing happens after it.</summary>
    public BudgetSpent? Spent { get; private set; }

    public IEnumerable<string> OpenIncidents => _instances.SelectMany(i => i.State?.Executions ?? [])
        .Where(e => e.State == ExecutionState.Incident).Select(e => $"incident at '{e.ElementId}': {e.Incident}");

    public IEnumerable<OpenTask> OpenTasks => _instances.SelectMany(i => i.Tasks.Values);
    public IEnumerable<PendingTimer> Timers => _instances.SelectMany(i => i.Timers.Values).OrderBy(t => t.Due);

    public IEnumerable<string> WaitingAt => _instances.Where(i => i.State is { IsEnded: false })
        .SelectMany(i => i.State!.WaitingAt).Distinct();

    public string Status => Main?.State is null ? "failed"
        : OpenIncidents.Any() ? "failed"
        : Main.State.Status != InstanceStatus.Running ? "completed"
        : "waiting";

    public Simulator Start(string? processId = null, Vars? variables = null, DateTimeOffset? now = null, string? startEventId = null)
    {
        Now = now ?? Now;
        var process = _document.MainProcess(processId);
        if (process is null)
        {
            _errors.Add(processId is null ? "没有可执行的流程 / no executable process" : $"找不到流程 '{processId}' / no process '{processId}'");
            return this;
        }
        if (!process.IsExecutable)
        {
            _errors.Add($"流程 '{process.Id}' 不可执行（isExecutable 不为 true）/ process '{process.Id}' is not executable");
            return this;
        }
        if (NewInstance(process, null, 0) is not { } instance) return this;
        Apply(instance, new Start(variables, startEventId));
        Run();
        return this;
    }

    /// <summary>Completes the first open task of this element (in any instance).</summary>
    public Simulator Complete(string elementId, Vars? variables = null)
    {
        var task = OpenTasks.FirstOrDefault(t => t.ElementId == elementId);
        if (task is null)
        {
            _errors.Add($"没有待办任务 '{elementId}' / no open task '{elementId}'" + WaitingText());
            return this;
        }
        Apply(_instances[task.Instance], new CompleteTask(task.TaskId, variables));
        Run();
        return this;
    }

    public Simulator Message(string name, Vars? variables = null, string? correlationKey = null)
    {
        if (Spent is not null) return this;
        if (!Deliver(null, name, correlationKey, variables) && !StartByMessage(name, variables) && Spent is null)
            _errors.Add($"没有等待消息 '{name}' 的元素 / nothing waits for message '{name}'");
        Run();
        return this;
    }

    public Simulator Signal(string name, Vars? variables = null)
    {
        ApplyToAll(null, new DeliverSignal(name, variables));
        StartBySignal(name, variables);
        Run();
        return this;
    }

    /// <summary>Sets process variables of an instance (the main one by default), as the host's variables API does; conditional events react.</summary>
    public Simulator SetVariables(Vars variables, int instance = 0)
    {
        if (instance < 0 || instance >= _instances.Count || _instances[instance].State is not { IsEnded: false })
        {
            _errors.Add($"没有运行中的实例 {instance} / no running instance {instance}");
            return this;
        }
        Apply(_instances[instance], new SetVariables(variables));
        Run();
        return this;
    }

    /// <summary>Camunda's condition evaluation: starts an instance at every conditional start event of the file whose condition holds on these variables.</summary>
    public Simulator EvaluateStartConditions(Vars variables)
    {
        foreach (var process in _document.Executable)
            foreach (var start in StartConditions.Holding(process, variables, Now, _options.Engine))
                if (NewInstance(process, null, 0) is { } instance) Apply(instance, new Start(variables, start.Id));
        Run();
        return this;
    }

    /// <summary>Moves the clock by an ISO duration (P3WD allowed), firing every timer that falls due, in order.</summary>
    public Simulator Advance(string duration)
    {
        DateTimeOffset target;
        try
        {
            target = TimerSpec.Parse(TimerKind.Duration, duration).FirstDue(Now, _options.Engine.Calendar) ?? Now;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CalendarYearUnknownException or InvalidOperationException)
        {
            // InvalidOperationException: working days (P3WD) with no calendar in the options.
            _errors.Add($"时长 '{duration}' 无效 / invalid duration '{duration}': {e.Message}");
            return this;
        }
        return AdvanceTo(target);
    }

    /// <summary>
    /// Fires the timers due up to the target in order, then sets the clock to it. A run stopped by its
    /// budget keeps the clock at the last timer fired: the timers after it never fired, so moving
    /// the clock past them would report a time the model never reached.
    /// </summary>
    public Simulator AdvanceTo(DateTimeOffset target)
    {
        while (Spent is null)
        {
            var next = Timers.FirstOrDefault();
            if (next is null || next.Due > target) break;
            if (!SpendTimerFiring()) break;
            if (next.Due > Now) Now = next.Due;
            _instances[next.Instance].Timers.Remove(next.TimerId);
            Apply(_instances[next.Instance], new FireTimer(next.TimerId));
            Run();
        }
        if (Spent is null && target > Now) Now = target;
        return this;
    }

    public Simulator Cancel(string reason = "simulation")
    {
        if (Main is { State.IsEnded: false }) Apply(Main, new Execution.Cancel(reason));
        Run();
        return this;
    }

    private string WaitingText()
    {
        var waiting = WaitingAt.ToList();
        return waiting.Count == 0 ? "" : $" (waiting at: {string.Join(", ", waiting)})";
    }
}

public sealed record OpenTask(int Instance, int TaskId, string ElementId, string? Name, CreateUserTask Command);

public sealed record PendingTimer(int Instance, int TimerId, string ElementId, DateTimeOffset Due);

public sealed class SimulatedInstance(int index, ProcessDefinition definition, (int Instance, int CallId)? parent, int depth)
{
    public int Index { get; } = index;
    public ProcessDefinition Definition { get; } = definition;
    public (int Instance, int CallId)? Parent { get; } = parent;
    public int Depth { get; } = depth;
    public InstanceState? State { get; internal set; }
    internal Dictionary<int, OpenTask> Tasks { get; } = [];
    internal Dictionary<int, PendingTimer> Timers { get; } = [];
    internal Dictionary<int, int> Calls { get; } = [];
}
