using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// One database transaction of workflow work. A stimulus is applied to an instance, the engine's
/// commands become rows (tasks, timers, subscriptions, notices, jobs, incidents, journal), and
/// whatever they set off inside the service (inline actions, called instances, messages and signals
/// to other instances, a finished child returning to its caller) is applied in the same transaction.
/// Either all of it commits or none of it does.
/// </summary>
public sealed partial class UnitOfWork
{
    private const int MaxCascade = 2_000;
    private readonly RuntimeDependencies _deps;
    private readonly Dictionary<long, ProcessInstance> _instances = [];
    private readonly LinkedList<WorkItem> _queue = new();
    private readonly InstanceIds _ids = new();
    private int _processed;

    private sealed record WorkItem(ProcessInstance Instance, Stimulus Stimulus, bool Strict);

    internal UnitOfWork(RuntimeDependencies deps, CoBanDbContext db, Actor actor, DateTimeOffset now)
    {
        _deps = deps;
        Db = db;
        Actor = actor;
        Now = now;
    }

    public CoBanDbContext Db { get; }
    public Actor Actor { get; }
    public DateTimeOffset Now { get; }
    /// <summary>Per-bureau or centre-wide case numbers (<see cref="Cases.CaseNumbers"/>).</summary>
    public Cases.CaseNumberingOptions CaseNumbering => _deps.CaseNumbering.Value;
    public List<ScheduledTimer> TimersAdded { get; } = [];
    public List<ScheduledTimer> TimersCancelled { get; } = [];
    public bool ServiceJobsAdded { get; private set; }
    public bool NoticesAdded { get; set; }
    public List<(ProcessInstance Instance, AdvanceResult Result)> Steps { get; } = [];

    /// <summary>Adds the instance row (written with the state of its first step when the unit saves) and queues its start.</summary>
    public async Task<ProcessInstance> StartAsync(ProcedureVersion version, long bureauId, string processId, Start start,
        string? businessKey, long? caseId, (long Instance, int CallId)? parent, CancellationToken ct)
    {
        var instance = new ProcessInstance
        {
            ProcedureId = version.ProcedureId,
            ProcedureVersionId = version.Id,
            BureauId = bureauId,
            ProcessId = processId,
            BusinessKey = businessKey,
            CaseId = caseId,
            ParentInstanceId = parent?.Instance,
            ParentCallId = parent?.CallId,
            State = "",
            StartedAt = Now,
            StartedBy = Actor.UserId,
        };
        if (await _ids.NextAsync(Db, ct) is { } id)
        {
            instance.Id = id;
            Db.Add(instance);
        }
        else
        {
            Db.Add(instance);
            await Db.SaveChangesAsync(ct);
        }
        _instances[instance.Id] = instance;
        Enqueue(instance, start, strict: parent is null);
        return instance;
    }

    public async Task<ProcessInstance> LoadAsync(long instanceId, CancellationToken ct)
    {
        if (_instances.TryGetValue(instanceId, out var known)) return known;
        // Like Find, this looks in the change tracker first: an instance the caller already loaded costs no query.
        var instance = await FindLockedAsync(instanceId, ct) ?? throw CoBanException.NotFound("流程实例", "process instance");
        _instances[instanceId] = instance;
        return instance;
    }

    /// <summary>Instances the caller loaded (tracked) for this unit, e.g. a batch of timers' in one query: loading them again costs nothing.</summary>
    public void Adopt(IEnumerable<ProcessInstance> instances)
    {
        foreach (var instance in instances) _instances.TryAdd(instance.Id, instance);
    }

    /// <summary>Queues a stimulus. Strict: a refusal aborts the whole unit with the engine's reasons.</summary>
    public void Enqueue(ProcessInstance instance, Stimulus stimulus, bool strict = false, bool first = false)
    {
        var item = new WorkItem(instance, stimulus, strict);
        if (first) _queue.AddFirst(item);
        else _queue.AddLast(item);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (_queue.First is { } node)
        {
            _queue.RemoveFirst();
            if (++_processed > MaxCascade)
                throw CoBanException.Conflict("cascade", "一次操作引发的流程步骤过多，已回滚", "one action set off too many workflow steps; nothing was changed");
            await StepAsync(node.Value, ct);
        }
    }

    /// <summary>The engine options for a bureau's instances (its working calendar).</summary>
    public async Task<EngineOptions> EngineOptionsAsync(long bureauId, CancellationToken ct) =>
        new() { Calendar = await _deps.Calendars.ForBureauAsync(Db, bureauId, ct) };

    private async Task StepAsync(WorkItem item, CancellationToken ct)
    {
        var instance = item.Instance;
        var definition = await _deps.Catalog.ProcessAsync(Db, instance.ProcedureVersionId, instance.ProcessId, ct);
        var state = instance.State.Length == 0 ? null : StateJson.Deserialize(instance.State);
        var options = new EngineOptions { Calendar = await _deps.Calendars.ForBureauAsync(Db, instance.BureauId, ct) };
        if (item.Stimulus is CompleteTask completion)
            item = item with { Stimulus = await ApplyTaskActionAsync(instance, definition, state, completion, ct) };
        var result = Executor.Advance(definition, state, item.Stimulus, Now, options);
        if (result.Outcome == AdvanceOutcome.Rejected)
        {
            if (!item.Strict && item.Stimulus is DeliverSignal) return;
            throw Refusal(result.Rejections);
        }
        if (result.Outcome == AdvanceOutcome.Ignored) return;

        var before = state?.Variables;
        instance.State = StateJson.Serialize(result.State);
        instance.Version = result.State.Version;
        instance.Status = result.State.Status;
        if (result.State.IsEnded)
        {
            instance.EndedAt ??= Now;
            instance.EndErrorCode = result.State.EndErrorCode;
        }
        Steps.Add((instance, result));
        JournalStep(instance, item.Stimulus, result, before);

        var step = new StepContext { Db = Db, Instance = instance, Stimulus = item.Stimulus, Result = result, Actor = Actor, Now = Now, Unit = this };
        CheckCommands(result.Commands);
        foreach (var command in result.Commands) await ApplyAsync(step, command, ct);
        foreach (var observer in _deps.Observers) await observer.OnStepAsync(step, ct);
    }

    private static CoBanException Refusal(IReadOnlyList<Rejection> rejections)
    {
        var fields = rejections.Where(r => r.Field is not null).GroupBy(r => r.Field!)
            .ToDictionary(g => g.Key, g => g.Select(r => $"{r.MessageZh} / {r.MessageEn}").ToArray());
        var zh = string.Join("；", rejections.Select(r => r.MessageZh));
        var en = string.Join("; ", rejections.Select(r => r.MessageEn));
        var code = rejections.FirstOrDefault()?.Code ?? "rejected";
        return fields.Count > 0
            ? CoBanException.Invalid(code, zh, en, fields)
            : CoBanException.Conflict(code, zh, en);
    }

    public JournalEntry AddJournal(ProcessInstance instance, string action, string detail, string? elementId = null, string? before = null, string? after = null)
    {
        var entry = new JournalEntry
        {
            At = Now,
            InstanceId = instance.Id,
            CaseId = instance.CaseId,
            BureauId = instance.BureauId,
            UserId = Actor.UserId,
            UserName = Actor.Name,
            Ip = Actor.Ip,
            Action = action,
            ElementId = elementId,
            Detail = detail,
            Before = before,
            After = after,
        };
        Db.Add(entry);
        return entry;
    }

    internal void MarkServiceJobAdded() => ServiceJobsAdded = true;
}
