using CoBan.Workflow.Data;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Fires due timers: in one unit of work per batch, each row is flipped from Pending to Fired with a
/// conditional update and, only if that update changed it, its effect is applied. The flip and the effect
/// commit together, so a timer's effect happens once however often it is fired: a re-run after a crash, a
/// second node, the Quartz job and a test calling <see cref="FireDueAsync"/> at once all find it Fired.
/// A batch that fails is retried row by row; a row that fails alone stays Pending with a backoff
/// (<see cref="ScheduledTimer.RetryAt"/>) and its error, and is tried again — never dropped.
/// </summary>
public sealed class TimerRunner(IServiceScopeFactory scopes, ITimerScheduler scheduler, IOptions<TimerOptions> options, ILogger<TimerRunner> log)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    // One drain per node at a time: concurrent Quartz jobs wait here instead of racing for the same rows.
    private readonly SemaphoreSlim _drain = new(1, 1);

    /// <summary>
    /// Fires every timer due at <paramref name="now"/> (tests pass the manual clock's time); returns how many took effect.
    /// <paramref name="ringing"/> is the timer whose own trigger is firing this call (Quartz deletes that trigger itself).
    /// </summary>
    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct = default, long? ringing = null)
    {
        await _drain.WaitAsync(ct);
        try
        {
            var fired = 0;
            var batch = Math.Max(1, options.Value.BatchSize);
            while (true)
            {
                List<long> ids;
                using (var scope = scopes.CreateScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
                    ids = await db.Set<ScheduledTimer>().AsNoTracking()
                        .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now && (t.RetryAt == null || t.RetryAt <= now))
                        .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Select(t => t.Id).Take(batch).ToListAsync(ct);
                }
                if (ids.Count == 0) return fired;
                fired += await FireAsync(ids, ct, ringing);
                if (ids.Count < batch) return fired;
            }
        }
        finally
        {
            _drain.Release();
        }
    }

    /// <summary>Fires the given timers now, whatever their due time (an administrator's "fire now"); returns how many took effect.</summary>
    public async Task<int> FireAsync(IReadOnlyList<long> ids, CancellationToken ct = default) => await FireAsync(ids, ct, null);

    private async Task<int> FireAsync(IReadOnlyList<long> ids, CancellationToken ct, long? ringing)
    {
        try
        {
            return await FireInOneUnitAsync(ids, ct, ringing);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (ids.Count > 1)
            {
                log.LogInformation("A batch of {Count} timers failed ({Message}); firing them one by one", ids.Count, e.Message);
                var fired = 0;
                foreach (var id in ids) fired += await FireAsync([id], ct, ringing);
                return fired;
            }
            await RecordFailureAsync(ids[0], e, ct);
            return 0;
        }
    }

    private async Task<int> FireInOneUnitAsync(IReadOnlyList<long> ids, CancellationToken ct, long? ringing)
    {
        using var scope = scopes.CreateScope();
        var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
        var effects = scope.ServiceProvider.GetRequiredService<TimerEffects>();
        List<double> lateness = [];
        var fired = await runtime.InUnitAsync(Actor.System, async unit =>
        {
            // The instances these timers belong to are locked first, as every unit locks an instance before writing anything
            // of it: the flip below would otherwise hold timer rows a completion on another node waits for while this
            // batch waits for that completion's instance (UnitOfWork.Locks).
            if (unit.LocksRows)
                await unit.LockInstancesAsync(await unit.Db.Set<ScheduledTimer>().AsNoTracking()
                .Where(t => ids.Contains(t.Id) && t.InstanceId != null).Select(t => t.InstanceId!.Value).ToListAsync(ct), ct);
            // The conditional update is the whole idempotency: only one transaction can move a row out of Pending
            // (PostgreSQL makes a second one wait for the first and then match nothing), and only what it moved is applied.
            var flipped = await FlipAsync(unit, ids, ct);
            if (flipped.Count == 0) return flipped;
            // Tracked (nothing changes them, so nothing is written back): an instance that withdraws the timer that just
            // fired (an interrupting boundary event) then finds it Fired without a query of its own.
            var timers = await unit.Db.Set<ScheduledTimer>().Where(t => flipped.Contains(t.Id)).OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct);
            // One query each for the batch's instances and their open tasks (which a boundary timer cancels); the unit then finds them tracked.
            var instanceIds = timers.Where(t => t.Purpose == TimerPurpose.Engine && t.InstanceId != null).Select(t => t.InstanceId!.Value).Distinct().ToList();
            if (instanceIds.Count > 1)
            {
                unit.Adopt(await unit.Db.Set<ProcessInstance>().Where(i => instanceIds.Contains(i.Id)).ToListAsync(ct));
                await unit.Db.Set<WorkTask>().Where(t => instanceIds.Contains(t.InstanceId) && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
            }
            foreach (var timer in timers) await effects.ApplyAsync(unit, timer, ct);
            lateness = timers.Select(t => (unit.Now - t.DueAt).TotalSeconds).ToList();
            return flipped;
        }, ct);
        Metrics.CoBanMetrics.TimersFired.Add(fired.Count);
        foreach (var seconds in lateness) Metrics.CoBanMetrics.TimerLateness.Record(Math.Max(0, seconds));
        // A fired row's trigger has nothing left to do: take it out of Quartz instead of letting it ring for nothing.
        var silence = fired.Where(id => id != ringing).ToList();
        if (silence.Count > 0) await scheduler.UnscheduleAsync(silence, ct);
        return fired.Count;
    }

    /// <summary>Pending → Fired for those of <paramref name="ids"/> still pending, in one statement; returns the ids it changed.</summary>
    private static async Task<List<long>> FlipAsync(UnitOfWork unit, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var sqlite = unit.Db is SqliteCoBanDbContext;
        await using var command = unit.Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = unit.Db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"""UPDATE "ScheduledTimer" SET "Status" = {(int)TimerStatus.Fired}, "FiredAt" = @at WHERE "Status" = {(int)TimerStatus.Pending} AND "Id" IN ({string.Join(",", ids)}) RETURNING "Id" """;
        var at = command.CreateParameter();
        at.ParameterName = "@at";
        // The same representation as the providers' value converters (Data/Converters.cs).
        at.Value = sqlite ? unit.Now.UtcTicks : unit.Now.ToUniversalTime();
        command.Parameters.Add(at);
        var flipped = new List<long>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) flipped.Add(reader.GetInt64(0));
        return flipped;
    }

    private async Task RecordFailureAsync(long id, Exception error, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var timer = await db.Set<ScheduledTimer>().FirstOrDefaultAsync(t => t.Id == id, ct);
            if (timer is not { Status: TimerStatus.Pending }) return;
            timer.Attempts++;
            timer.LastError = Truncate(error is CoBanException c ? $"{c.MessageZh} / {c.MessageEn}" : error.GetBaseException().Message, 1000);
            var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Min(timer.Attempts - 1, 20))));
            timer.RetryAt = clock.GetUtcNow() + backoff;
            await db.SaveChangesAsync(ct);
            log.LogWarning("Timer {Id} ({Purpose}) failed (attempt {Attempt}), retrying at {RetryAt}: {Error}", id, timer.Purpose, timer.Attempts, timer.RetryAt, timer.LastError);
            await scheduler.ScheduleAsync([timer], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row stays Pending without a new trigger: the periodic sync schedules it again.
            log.LogError(e, "Could not record the failure of timer {Id}", id);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
