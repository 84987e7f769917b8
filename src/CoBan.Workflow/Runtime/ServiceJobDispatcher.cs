using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Runs background service actions outside any transaction, then reports the result as a new step.
/// Failures are retried with exponential backoff (2, 4, 8 … s, at most 10 min); after the task's
/// coban:retries attempts the step fails and the engine raises an incident an administrator can retry.
/// A job is leased (LockedUntil) so that several nodes never run it at once.
/// </summary>
public sealed class ServiceJobDispatcher(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CoBanOptions> options, ILogger<ServiceJobDispatcher> log)
    : BackgroundService, IAfterCommit
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly string _node = Environment.MachineName + ":" + Environment.ProcessId;

    public ValueTask AfterCommitAsync(CommittedUnit unit, CancellationToken ct)
    {
        if (unit.ServiceJobsAdded && _wake.CurrentCount == 0) _wake.Release();
        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Value.BackgroundWorkers) return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                while (await RunOneAsync(stop)) { }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogError(e, "Service job dispatch failed; will retry");
            }
            try { await _wake.WaitAsync(TimeSpan.FromSeconds(2), stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs the next due job, if any; true when one ran.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var now = clock.GetUtcNow();
        var candidate = await db.Set<ServiceJob>().AsNoTracking()
            .Where(j => j.Status == JobStatus.Pending && j.NextAttemptAt <= now && (j.LockedUntil == null || j.LockedUntil < now))
            .OrderBy(j => j.NextAttemptAt).FirstOrDefaultAsync(ct);
        if (candidate is null) return false;
        var leased = await db.Set<ServiceJob>()
            .Where(j => j.Id == candidate.Id && j.Status == JobStatus.Pending && (j.LockedUntil == null || j.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, now.AddMinutes(5)).SetProperty(j => j.LockedBy, _node), ct);
        if (leased == 0) return true; // another node took it

        var registry = scope.ServiceProvider.GetRequiredService<ServiceActionRegistry>();
        var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
        var action = registry.Find(candidate.Implementation);
        Stimulus? answer;
        string? error = null;
        try
        {
            if (action is null) throw new InvalidOperationException($"no service action named '{candidate.Implementation}'");
            var instance = await db.Set<ProcessInstance>().AsNoTracking().FirstAsync(i => i.Id == candidate.InstanceId, ct);
            var variables = StateJson.Deserialize(instance.State).Variables;
            var parameters = StateJson.ReadMap(JsonDocument.Parse(candidate.Parameters).RootElement);
            var call = new InvokeService(candidate.CallId, candidate.ElementId, candidate.Implementation, parameters, candidate.MaxAttempts);
            var output = await action.ExecuteAsync(new ServiceActionContext(db, instance, call, variables, Actor.System, now), ct);
            answer = new CompleteService(candidate.CallId, output);
        }
        catch (ServiceActionError e)
        {
            answer = new FailService(candidate.CallId, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
            answer = candidate.Attempts + 1 >= candidate.MaxAttempts ? new FailService(candidate.CallId, null, e.Message) : null;
        }
        db.ChangeTracker.Clear();
        if (answer is null)
        {
            await ScheduleRetryAsync(db, candidate.Id, error, ct);
            return true;
        }
        // The result and the job's end commit together: a crash in between cannot lose the step.
        // (A crash after the action ran but before this commit runs the action again once the lease
        // expires: background actions must tolerate being repeated.)
        await runtime.InUnitAsync(Actor.System, async unit =>
        {
            var job = await unit.Db.Set<ServiceJob>().FirstAsync(j => j.Id == candidate.Id, ct);
            job.Attempts++;
            job.LastError = error ?? (answer as FailService)?.Message;
            job.LockedUntil = null;
            job.Status = answer is CompleteService ? JobStatus.Done : JobStatus.Failed;
            job.CompletedAt = unit.Now;
            unit.Enqueue(await unit.LoadAsync(candidate.InstanceId, ct), answer);
            return job;
        }, ct);
        return true;
    }

    private async Task ScheduleRetryAsync(CoBanDbContext db, long jobId, string? error, CancellationToken ct)
    {
        var job = await db.Set<ServiceJob>().FirstAsync(j => j.Id == jobId, ct);
        job.Attempts++;
        job.LastError = error;
        job.LockedUntil = null;
        var delay = TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, job.Attempts)));
        job.NextAttemptAt = clock.GetUtcNow() + delay;
        log.LogWarning("Service action {Action} failed (attempt {Attempt}/{Max}); next try in {Delay}", job.Implementation, job.Attempts, job.MaxAttempts, delay);
        await db.SaveChangesAsync(ct);
    }
}
