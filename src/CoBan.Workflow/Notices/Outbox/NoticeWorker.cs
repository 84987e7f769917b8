using System.Text.Json;
using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>
/// One pass of the outbox, safe to run on several nodes at once:
/// 1. recover deliveries whose sender died in the send window (lease expired while "sending");
/// 2. plan pending notices: render every channel into a delivery row (the text as it will be sent);
/// 3. send due deliveries, each leased first (status "sending" committed before the provider is
///    called), the result recorded after, retried with exponential backoff, dead after N attempts.
/// A node only records a result while it still holds the lease (the row's Version is a concurrency
/// token), so a delivery that another node took over is never recorded twice.
/// </summary>
public sealed class NoticeWorker(CoBanDbContext db, NoticePlanner planner, NoticeSettingsStore settings, IEnumerable<INoticeChannel> channels,
    TimeProvider clock, ILogger<NoticeWorker> log)
{
    public async Task<int> RunOnceAsync(string node, CancellationToken ct)
    {
        var options = await settings.CurrentAsync(db, ct);
        var done = await RecoverAsync(node, options, ct);
        done += await PlanAsync(options, ct);
        done += await SendDueAsync(node, options, ct);
        await RollupStaleAsync(ct);
        return done;
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    // ---------------------------------------------------------------------------------------- plan

    private async Task<int> PlanAsync(NoticeOptions options, CancellationToken ct)
    {
        var pending = await db.Set<Notice>().AsNoTracking().Where(n => n.Status == NoticeStatus.Pending)
            .OrderBy(n => n.Id).Take(options.Dispatcher.BatchSize).ToListAsync(ct);
        foreach (var notice in pending)
        {
            NoticePlan plan;
            try
            {
                plan = await planner.PlanAsync(db, notice, options, Now, ct);
            }
            catch (Exception e) when (e is Scriban.Syntax.ScriptRuntimeException or TemplateSyntaxException or OperationCanceledException
                or InvalidOperationException or ArgumentException or FormatException or JsonException)
            {
                log.LogError(e, "Notice {Notice} ({Template}) could not be rendered", notice.Id, notice.Template);
                plan = new NoticePlan([], "通知无法生成：" + e.Message + " / the notice could not be rendered");
            }
            db.ChangeTracker.Clear();
            await StorePlanAsync(notice.Id, plan, ct);
        }
        return pending.Count;
    }

    private async Task StorePlanAsync(long noticeId, NoticePlan plan, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = Now;
        // Only one node plans a notice: whoever moves it out of Pending.
        var claimed = await db.Set<Notice>().Where(n => n.Id == noticeId && n.Status == NoticeStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoticeStatus.Dispatching).SetProperty(n => n.PlannedAt, now), ct);
        if (claimed == 0) return;
        var notice = await db.Set<Notice>().FirstAsync(n => n.Id == noticeId, ct);
        db.AddRange(plan.Deliveries);
        if (plan.Error is not null)
        {
            notice.Status = NoticeStatus.Dead;
            notice.LastError = plan.Error;
            NoticeJournal.Add(db, notice, "notice.failed", $"通知“{notice.Template}”未能发出：{plan.Error}", now);
        }
        else
        {
            notice.Status = Rollup(plan.Deliveries.Select(d => d.Status));
            var summary = string.Join("、", plan.Deliveries.Select(d => d.Status == DeliveryStatus.Skipped ? $"{NoticeParts.Label(d.Channel)}（未发：{d.Note}）" : NoticeParts.Label(d.Channel)));
            NoticeJournal.Add(db, notice, "notice.planned", $"通知“{notice.Template}”已生成：{summary}", now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    // ---------------------------------------------------------------------------------------- send

    private async Task<int> SendDueAsync(string node, NoticeOptions options, CancellationToken ct)
    {
        var now = Now;
        var due = await db.Set<NoticeDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Take(options.Dispatcher.BatchSize).Select(d => d.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
            if (await SendOneAsync(id, node, options, ct)) sent++;
        return sent;
    }

    /// <summary>Leases, sends and records one delivery; false when another node had it.</summary>
    public async Task<bool> SendOneAsync(long deliveryId, string node, NoticeOptions options, CancellationToken ct)
    {
        var now = Now;
        var lease = now.AddSeconds(options.Dispatcher.LeaseSeconds);
        // The duplicate window opens here: "sending" is committed before the provider is called, so a
        // crash from now until the result is recorded leaves a visible row for recovery to reconcile.
        var channelName = await db.Set<NoticeDelivery>().Where(d => d.Id == deliveryId).Select(d => d.Channel).FirstOrDefaultAsync(ct);
        var channel = channels.FirstOrDefault(c => c.Name == channelName);
        // Where the answer will be, committed with the lease: a node recovering this send after a
        // crash must know whether it can ask the same place (a pickup folder is per node unless shared).
        var location = channel?.Location(options);
        var claimed = await db.Set<NoticeDelivery>()
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.LockedUntil, lease)
                .SetProperty(d => d.LockedBy, node).SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.Provider, d => location ?? d.Provider)
                .SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.Version, d => d.Version + 1), ct);
        if (claimed == 0) return false;

        var delivery = await db.Set<NoticeDelivery>().AsNoTracking().FirstAsync(d => d.Id == deliveryId, ct);
        SendResult result;
        if (channel is null) result = new SendResult(SendOutcome.Refused, delivery.Channel, null, $"no channel '{delivery.Channel}'");
        else
        {
            try
            {
                result = await channel.SendAsync(delivery, options, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An unexpected failure inside a channel: treat it as "may have gone out".
                result = new SendResult(SendOutcome.Ambiguous, delivery.Channel, null, Failures.Describe(e));
            }
        }
        Metrics.CoBanMetrics.DeliveryAttempts.Add(1, new("channel", delivery.Channel), new("outcome", result.Outcome.LowerCode()));
        // The window closes when this commits.
        await RecordAsync(deliveryId, node, channel, result, options, ct);
        return true;
    }

    private async Task RecordAsync(long deliveryId, string node, INoticeChannel? channel, SendResult result, NoticeOptions options, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var delivery = await db.Set<NoticeDelivery>().FirstAsync(d => d.Id == deliveryId, ct);
        if (delivery.Status != DeliveryStatus.Sending || delivery.LockedBy != node)
        {
            log.LogWarning("Delivery {Delivery} was taken over while it was being sent; its result ({Outcome}) is not recorded here", deliveryId, result.Outcome);
            return;
        }
        var notice = await db.Set<Notice>().FirstAsync(n => n.Id == delivery.NoticeId, ct);
        var now = Now;
        delivery.Provider = result.Provider;
        delivery.LockedUntil = null;
        delivery.LockedBy = null;
        delivery.Version++;
        var label = NoticeParts.Label(delivery.Channel);
        var deduplicates = channel?.Deduplicates(options) ?? false;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                delivery.Status = DeliveryStatus.Sent;
                delivery.SentAt = now;
                delivery.ProviderMessageId = result.MessageId;
                delivery.LastError = null;
                NoticeJournal.Add(db, notice, "notice.sent", $"通知“{notice.Template}”已通过{label}发出（第 {delivery.Attempts} 次尝试，{result.Provider} {result.MessageId}）", now);
                break;
            case SendOutcome.NotSent when Retries(delivery, now, options.Dispatcher):
            case SendOutcome.Ambiguous when deduplicates && Retries(delivery, now, options.Dispatcher):
                delivery.Status = DeliveryStatus.Pending;
                delivery.LastError = result.Error;
                var delay = Backoff(delivery.Attempts, options.Dispatcher);
                delivery.NextAttemptAt = now + delay;
                log.LogWarning("Notice {Notice} {Channel} attempt {Attempt}/{Max} failed ({Error}); next try in {Delay}",
                    notice.Id, delivery.Channel, delivery.Attempts, delivery.MaxAttempts, result.Error, delay);
                break;
            case SendOutcome.Ambiguous:
                delivery.Status = DeliveryStatus.Uncertain;
                delivery.LastError = result.Error;
                NoticeJournal.Add(db, notice, "notice.uncertain",
                    $"通知“{notice.Template}”的{label}不确定是否已发出（{result.Error}），服务商不支持去重，为避免重复发送未自动重试，请人工核实", now);
                break;
            default:
                delivery.Status = DeliveryStatus.Dead;
                delivery.LastError = result.Error;
                NoticeJournal.Add(db, notice, "notice.dead", $"通知“{notice.Template}”的{label}发送失败，已尝试 {delivery.Attempts} 次：{result.Error}", now);
                break;
        }
        try
        {
            await SaveWithRollupAsync(notice, delivery, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("Delivery {Delivery} changed while its result ({Outcome}) was being recorded; the other change stands", deliveryId, result.Outcome);
        }
    }

    /// <summary>Whether a failed attempt is followed by another: until both the attempts and the retry horizon are spent.</summary>
    public static bool Retries(NoticeDelivery delivery, DateTimeOffset now, DispatcherOptions options) =>
        delivery.Attempts < delivery.MaxAttempts || now - delivery.CreatedAt < TimeSpan.FromHours(Math.Max(0, options.RetryHorizonHours));

    public static TimeSpan Backoff(int attempts, DispatcherOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxRetrySeconds, options.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    // ---------------------------------------------------------------------------------------- recover

    /// <summary>
    /// A delivery still "sending" after its lease expired: its node died between telling the provider
    /// and recording the answer. Never re-sent blindly: a de-duplicating gateway is asked again with the
    /// same key; the pickup folder is searched; anything else is marked uncertain for a person.
    /// </summary>
    private async Task<int> RecoverAsync(string node, NoticeOptions options, CancellationToken ct)
    {
        var now = Now;
        var stale = await db.Set<NoticeDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Sending && d.LockedUntil < now).OrderBy(d => d.Id).Take(options.Dispatcher.BatchSize)
            .Select(d => d.Id).ToListAsync(ct);
        var recovered = 0;
        foreach (var id in stale)
        {
            var lease = now.AddSeconds(options.Dispatcher.LeaseSeconds);
            var claimed = await db.Set<NoticeDelivery>().Where(d => d.Id == id && d.Status == DeliveryStatus.Sending && d.LockedUntil < now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, lease).SetProperty(d => d.LockedBy, node).SetProperty(d => d.Version, d => d.Version + 1), ct);
            if (claimed == 0) continue;
            recovered++;
            var snapshot = await db.Set<NoticeDelivery>().AsNoTracking().FirstAsync(d => d.Id == id, ct);
            var channel = channels.FirstOrDefault(c => c.Name == snapshot.Channel);
            var answer = channel is null ? new ReconcileResult(ReconcileOutcome.Unknown) : await channel.ReconcileAsync(snapshot, options, ct);

            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var delivery = await db.Set<NoticeDelivery>().FirstAsync(d => d.Id == id, ct);
            if (delivery.Status != DeliveryStatus.Sending || delivery.LockedBy != node) continue;
            var notice = await db.Set<Notice>().FirstAsync(n => n.Id == delivery.NoticeId, ct);
            var label = NoticeParts.Label(delivery.Channel);
            delivery.LockedUntil = null;
            delivery.LockedBy = null;
            delivery.Version++;
            switch (answer.Outcome)
            {
                case ReconcileOutcome.Sent:
                    delivery.Status = DeliveryStatus.Sent;
                    delivery.SentAt = now;
                    delivery.ProviderMessageId ??= answer.MessageId;
                    delivery.Note = "服务中断后核实：已发出 / checked after an interruption: it had been sent. " + answer.Note;
                    NoticeJournal.Add(db, notice, "notice.sent", $"通知“{notice.Template}”的{label}在服务中断后核实为已发出", now);
                    break;
                case ReconcileOutcome.NotSent:
                    delivery.Status = DeliveryStatus.Pending;
                    delivery.NextAttemptAt = now;
                    delivery.Note = "服务中断后重新提交 / submitted again after an interruption. " + answer.Note;
                    break;
                default:
                    delivery.Status = DeliveryStatus.Uncertain;
                    delivery.LastError = "发送过程中服务中断 / the service stopped while sending. " + answer.Note;
                    NoticeJournal.Add(db, notice, "notice.uncertain",
                        $"通知“{notice.Template}”的{label}发送过程中服务中断，无法确认是否已发出；为避免重复发送未自动重试，请人工核实后“确认已发”或“重新发送”", now);
                    break;
            }
            try
            {
                await SaveWithRollupAsync(notice, delivery, ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogWarning("Delivery {Delivery} changed while it was being recovered; the other change stands", id);
            }
        }
        return recovered;
    }

    // ---------------------------------------------------------------------------------------- status

    /// <summary>
    /// A notice's status from its deliveries'. Skipped ones do not count, except that a notice whose SMS and
    /// e-mail were all skipped and of which only the print form is left has reached nobody yet: it is
    /// <see cref="NoticeStatus.NotSent"/> (to be handed over on paper), never "sent".
    /// </summary>
    public static NoticeStatus Rollup(IEnumerable<DeliveryStatus> deliveries)
    {
        var all = deliveries.ToList();
        var counted = all.Where(s => s is not (DeliveryStatus.Skipped or DeliveryStatus.Cancelled)).ToList();
        if (counted.Count == 0) return NoticeStatus.Dead;
        if (counted.Contains(DeliveryStatus.Uncertain)) return NoticeStatus.Attention;
        if (counted.Any(s => s is DeliveryStatus.Dead or DeliveryStatus.Undelivered)) return NoticeStatus.Dead;
        if (counted.Any(s => s is DeliveryStatus.Pending or DeliveryStatus.Sending)) return NoticeStatus.Dispatching;
        if (counted.All(s => s == DeliveryStatus.Ready) && all.Contains(DeliveryStatus.Skipped)) return NoticeStatus.NotSent;
        return NoticeStatus.Sent;
    }

    /// <summary>Saves a changed delivery with its notice's new status (and the notice's error, if any).</summary>
    internal async Task SaveWithRollupAsync(Notice notice, NoticeDelivery changed, CancellationToken ct)
    {
        var others = await db.Set<NoticeDelivery>().AsNoTracking().Where(d => d.NoticeId == notice.Id && d.Id != changed.Id).Select(d => d.Status).ToListAsync(ct);
        if (notice.Status != NoticeStatus.Cancelled) notice.Status = Rollup(others.Append(changed.Status));
        notice.LastError = notice.Status is NoticeStatus.Dead or NoticeStatus.Attention ? changed.LastError ?? notice.LastError : null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Two deliveries of one notice finished on two nodes at once may each have seen the other still sending.</summary>
    private async Task RollupStaleAsync(CancellationToken ct)
    {
        var stale = await db.Set<Notice>().Where(n => n.Status == NoticeStatus.Dispatching
                && !db.Set<NoticeDelivery>().Any(d => d.NoticeId == n.Id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending)))
            .OrderBy(n => n.Id).Take(50).ToListAsync(ct);
        foreach (var notice in stale)
            notice.Status = Rollup(await db.Set<NoticeDelivery>().Where(d => d.NoticeId == notice.Id).Select(d => d.Status).ToListAsync(ct));
        if (stale.Count > 0) await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
