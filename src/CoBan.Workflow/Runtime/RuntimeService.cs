using CoBan.Workflow.Api;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>The imperative shell around the engine: every change to instances goes through a unit of work here.</summary>
public sealed class RuntimeService(CoBanDbContext db, RuntimeDependencies deps, TimeProvider clock, IEnumerable<IAfterCommit> afterCommit)
{
    public CoBanDbContext Db => db;

    /// <summary>Runs <paramref name="work"/> and everything it sets off in one transaction, then the after-commit hooks.</summary>
    public async Task<T> InUnitAsync<T>(Actor actor, Func<UnitOfWork, Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The unit commits or rolls back as a whole: savepoints around each SaveChanges would only cost statements.
        db.Database.AutoSavepointsEnabled = false;
        var unit = new UnitOfWork(deps, db, actor, clock.GetUtcNow());
        var result = await work(unit);
        await unit.RunAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var committed = new CommittedUnit(unit.TimersAdded.Where(t => t.Status == TimerStatus.Pending).ToList(), unit.TimersCancelled, unit.ServiceJobsAdded, unit.NoticesAdded);
        foreach (var hook in afterCommit) await hook.AfterCommitAsync(committed, CancellationToken.None);
        return result;
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
