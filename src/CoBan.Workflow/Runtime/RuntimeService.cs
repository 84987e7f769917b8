using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>The imperative shell around the engine: every change to instances goes through a unit of work here.</summary>
public sealed class RuntimeService(CoBanDbContext db, RuntimeDependencies deps, TimeProvider clock, IEnumerable<IAfterCommit> afterCommit, ILogger<RuntimeService> log)
{
    public CoBanDbContext Db => db;

    /// <summary>How often a unit runs at most when it loses a race or meets a deadlock (PostgreSQL, several nodes).</summary>
    internal const int MaxAttempts = 5;

    /// <summary>
    /// Runs <paramref name="work"/> and everything it sets off in one transaction, then the after-commit hooks. A unit
    /// that lost a race to a concurrent one, or met a deadlock or a serialization failure, is rolled back and run again
    /// on what the winner committed (a few times at most): a conflict then fails the way it should (the task is already
    /// completed: 409), and a unit that did not really conflict (a timer firing while a task is completed) succeeds.
    /// Only when the caller left nothing unsaved in the context: changes made before the unit are not ours to replay.
    /// </summary>
    public async Task<T> InUnitAsync<T>(Actor actor, Func<UnitOfWork, Task<T>> work, CancellationToken ct)
    {
        var before = RetrySnapshot();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunUnitAsync(actor, work, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && DbErrors.Classify(e) != DbErrors.Kind.Other)
            {
                var kind = DbErrors.Classify(e);
                var tag = new KeyValuePair<string, object?>("kind", kind == DbErrors.Kind.Transient ? "transient" : "lost-race");
                if (before is null || attempt >= MaxAttempts)
                {
                    Metrics.CoBanMetrics.UnitFailures.Add(1, tag);
                    log.LogWarning("A unit of work gave up after {Attempts} attempt(s): {Kind}: {Message}", attempt, kind, e.GetBaseException().Message);
                    throw kind == DbErrors.Kind.Transient
                        ? new CoBanException(503, "busy", "系统繁忙，请稍后重试", "the service is busy; try again in a moment")
                        : CoBanException.Conflict("concurrent-change", "数据已被他人修改，请刷新后重试", "someone else changed this at the same moment; reload and try again");
                }
                Metrics.CoBanMetrics.UnitRetries.Add(1, tag);
                log.LogDebug("Unit of work attempt {Attempt} lost a race or met a deadlock ({Kind}); running it again", attempt, kind);
                await ForgetAsync(before, ct);
                // A little jitter so that two nodes that deadlocked do not meet again in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
            }
        }
    }

    private async Task<T> RunUnitAsync<T>(Actor actor, Func<UnitOfWork, Task<T>> work, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The unit commits or rolls back as a whole: savepoints around each SaveChanges would only cost statements.
        db.Database.AutoSavepointsEnabled = false;
        var unit = new UnitOfWork(deps, db, actor, clock.GetUtcNow());
        var result = await work(unit);
        await unit.RunAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Metrics.CoBanMetrics.UnitDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        Metrics.CoBanMetrics.Units.Add(1);
        if (unit.Steps.Count > 0) Metrics.CoBanMetrics.Steps.Add(unit.Steps.Count);
        db.ChangeTracker.Clear();
        var committed = new CommittedUnit(unit.TimersAdded.Where(t => t.Status == TimerStatus.Pending).ToList(), unit.TimersCancelled, unit.ServiceJobsAdded, unit.NoticesAdded);
        foreach (var hook in afterCommit) await hook.AfterCommitAsync(committed, CancellationToken.None);
        return result;
    }

    /// <summary>The entities tracked before the unit, all unchanged; null when something is unsaved (then no retry).</summary>
    private HashSet<object>? RetrySnapshot()
    {
        var entries = db.ChangeTracker.Entries().ToList();
        return entries.Any(e => e.State != EntityState.Unchanged) ? null : entries.Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
    }

    /// <summary>Back to the context as it was before the failed attempt: what the attempt added is forgotten, what was there is read again.</summary>
    private async Task ForgetAsync(HashSet<object> before, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (before.Contains(entry.Entity) && entry.State != EntityState.Added) await entry.ReloadAsync(ct);
            else entry.State = EntityState.Detached;
        }
    }

    public Task<ProcessInstance> StartAsync(ProcedureVersion version, long bureauId, string processId, IReadOnlyDictionary<string, object?>? variables,
        Actor actor, CancellationToken ct, string? businessKey = null, long? caseId = null, string? startEventId = null) =>
        InUnitAsync(actor, unit => unit.StartAsync(version, bureauId, processId, new Start(variables, startEventId), businessKey, caseId, null, ct), ct);

    /// <summary>Applies a stimulus to an instance; <paramref name="expectedVersion"/> (from the client) guards against acting on a stale view.</summary>
    public Task<ProcessInstance> ApplyAsync(long instanceId, Stimulus stimulus, Actor actor, CancellationToken ct, int? expectedVersion = null) =>
        InUnitAsync(actor, async unit =>
        {
            var instance = await unit.LoadAsync(instanceId, ct);
            if (expectedVersion is { } expected && expected != instance.Version)
                throw CoBanException.Conflict("stale-version", $"流程实例已变化（当前版本 {instance.Version}，你看到的是 {expected}），请刷新后重试",
                    $"the instance has changed (version {instance.Version}, you saw {expected}); reload and try again");
            if (instance.Status != InstanceStatus.Running && stimulus is not (FireTimer or CompleteService or FailService))
                throw CoBanException.Conflict("instance-ended", "流程实例已结束", "the process instance has ended");
            unit.Enqueue(instance, stimulus, strict: true);
            return instance;
        }, ct);

    /// <summary>Latest published version of a bureau's procedure (or the given number).</summary>
    public async Task<ProcedureVersion> PublishedVersionAsync(long procedureId, int? number, CancellationToken ct)
    {
        var versions = db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == procedureId);
        var version = number is { } n
            ? await versions.FirstOrDefaultAsync(v => v.Number == n, ct)
            : await versions.Where(v => v.Status == VersionStatus.Published).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (version is null)
            throw number is null
                ? CoBanException.Conflict("not-published", "该流程还没有已发布的版本", "the procedure has no published version")
                : CoBanException.NotFound($"版本 {number}", $"version {number}");
        if (version.Status != VersionStatus.Published)
            throw CoBanException.Conflict("not-published", $"版本 {version.Number} 未发布或已停用，不能启动新实例", $"version {version.Number} is not published (draft or retired); no new instance can start on it");
        return version;
    }
}
