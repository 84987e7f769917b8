using CoBan.Workflow.Data;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>What people (and providers' receipts) do to deliveries: resend, confirm, re-render, mark printed, record a receipt. All journaled.</summary>
public sealed class NoticeActions(CoBanDbContext db, NoticeWorker worker, NoticeDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>
    /// Sends a delivery again. Dead or uncertain: with the same idempotency key (a de-duplicating
    /// gateway still will not send twice). Sent, delivered or bounced: on purpose a second message,
    /// with a new key (generation). Skipped or ready (print) deliveries have nothing to resend.
    /// </summary>
    public async Task<NoticeDelivery> ResendAsync(long noticeId, long deliveryId, string? reason, Actor actor, CancellationToken ct)
    {
        var (notice, delivery) = await LoadAsync(noticeId, deliveryId, ct);
        var now = clock.GetUtcNow();
        var label = NoticeParts.Label(delivery.Channel);
        switch (delivery.Status)
        {
            case DeliveryStatus.Dead or DeliveryStatus.Uncertain:
                break;
            case DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Undelivered:
                delivery.Generation++;
                delivery.IdempotencyKey = $"{notice.IdempotencyKey}:{delivery.Channel}:r{delivery.Generation}";
                delivery.ProviderMessageId = null;
                delivery.Receipt = null;
                delivery.ReceiptAt = null;
                delivery.SentAt = null;
                break;
            default:
                throw CoBanException.Conflict("not-resendable", $"该{label}送达记录状态为“{Label(delivery.Status)}”，不能重新发送",
                    $"a {delivery.Channel} delivery that is {delivery.Status} cannot be resent");
        }
        var was = Label(delivery.Status);
        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = now;
        delivery.LockedUntil = null;
        delivery.LockedBy = null;
        delivery.Version++;
        delivery.Note = $"{actor.Name} 于 {ChineseDates.DateTime(now)} 重新发送（原状态：{was}）：{reason}";
        NoticeJournal.Add(db, notice, "notice.resent", $"{actor.Name} 重新发送通知“{notice.Template}”的{label}（原状态：{was}）：{reason}", now, actor);
        await worker.SaveWithRollupAsync(notice, delivery, ct);
        dispatcher.Wake();
        return delivery;
    }

    /// <summary>A person checked (with the provider or the recipient) that an uncertain delivery did go out.</summary>
    public async Task<NoticeDelivery> ConfirmAsync(long noticeId, long deliveryId, string? reason, Actor actor, CancellationToken ct)
    {
        var (notice, delivery) = await LoadAsync(noticeId, deliveryId, ct);
        if (delivery.Status != DeliveryStatus.Uncertain)
            throw CoBanException.Conflict("not-uncertain", "只有“待核实”的送达记录可以确认为已发出", "only an uncertain delivery can be confirmed as sent");
        var now = clock.GetUtcNow();
        delivery.Status = DeliveryStatus.Sent;
        delivery.SentAt ??= delivery.LastAttemptAt ?? now;
        delivery.Version++;
        delivery.Note = $"{actor.Name} 于 {ChineseDates.DateTime(now)} 核实已发出：{reason}";
        NoticeJournal.Add(db, notice, "notice.confirmed", $"{actor.Name} 核实通知“{notice.Template}”的{NoticeParts.Label(delivery.Channel)}已发出：{reason}", now, actor);
        await worker.SaveWithRollupAsync(notice, delivery, ct);
        return delivery;
    }

    /// <summary>Renders a notice again (after its template or the case data was fixed), when nothing of it went out.</summary>
    public async Task<Notice> ReplanAsync(long noticeId, Actor actor, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == noticeId, ct) ?? throw CoBanException.NotFound("通知", "notice");
        var deliveries = await db.Set<NoticeDelivery>().Where(d => d.NoticeId == noticeId).ToListAsync(ct);
        if (notice.Status != NoticeStatus.Dead || deliveries.Any(d => d.Status is not (DeliveryStatus.Skipped or DeliveryStatus.Dead or DeliveryStatus.Ready)))
            throw CoBanException.Conflict("not-replannable", "只有未发出任何内容的失败通知可以重新生成；已发出的请对单个渠道“重新发送”",
                "only a dead notice of which nothing went out can be rendered again; resend single deliveries instead");
        var now = clock.GetUtcNow();
        db.RemoveRange(deliveries);
        notice.Status = NoticeStatus.Pending;
        notice.LastError = null;
        notice.PlannedAt = null;
        NoticeJournal.Add(db, notice, "notice.replanned", $"{actor.Name} 重新生成通知“{notice.Template}”", now, actor);
        await db.SaveChangesAsync(ct);
        dispatcher.Wake();
        return notice;
    }

    /// <summary>The first time a print form is opened it is recorded as printed (who, when).</summary>
    public async Task MarkPrintedAsync(Notice notice, NoticeDelivery delivery, Actor actor, CancellationToken ct)
    {
        if (delivery.PrintedAt is not null || actor.IsSystem) return;
        var now = clock.GetUtcNow();
        var tracked = await db.Set<NoticeDelivery>().FirstAsync(d => d.Id == delivery.Id, ct);
        tracked.PrintedAt = now;
        tracked.PrintedBy = actor.Name;
        tracked.Version++;
        NoticeJournal.Add(db, notice, "notice.printed", $"{actor.Name} 打印了“{notice.Template}”", now, actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { /* printed twice at once: one record is enough */ }
    }

    /// <summary>
    /// A provider's delivery receipt. Matched by the provider's message id or by our idempotency key
    /// (OutId). A receipt for an uncertain delivery settles it: the message did go out.
    /// </summary>
    public async Task<bool> ApplyReceiptAsync(string provider, string? messageId, string? key, bool delivered, string? code, string? message, DateTimeOffset? at, CancellationToken ct)
    {
        var query = db.Set<NoticeDelivery>().AsQueryable();
        var delivery = key is { Length: > 0 } ? await query.FirstOrDefaultAsync(d => d.IdempotencyKey == key, ct) : null;
        delivery ??= messageId is { Length: > 0 } ? await query.FirstOrDefaultAsync(d => d.ProviderMessageId == messageId && d.Provider == provider, ct) : null;
        if (delivery is null || delivery.Status is not (DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Undelivered or DeliveryStatus.Uncertain or DeliveryStatus.Sending))
            return false;
        var notice = await db.Set<Notice>().FirstAsync(n => n.Id == delivery.NoticeId, ct);
        var now = clock.GetUtcNow();
        delivery.Status = delivered ? DeliveryStatus.Delivered : DeliveryStatus.Undelivered;
        delivery.Receipt = string.Join(" ", new[] { code, message }.Where(s => !string.IsNullOrWhiteSpace(s)));
        delivery.ReceiptAt = at ?? now;
        delivery.SentAt ??= delivery.LastAttemptAt ?? now;
        delivery.ProviderMessageId ??= messageId;
        delivery.LockedUntil = null;
        delivery.LockedBy = null;
        delivery.Version++;
        if (!delivered) delivery.LastError = "回执：未送达 / receipt: not delivered " + delivery.Receipt;
        NoticeJournal.Add(db, notice, "notice.receipt",
            $"通知“{notice.Template}”的{NoticeParts.Label(delivery.Channel)}回执：{(delivered ? "已送达" : "未送达")}（{delivery.Receipt}）", now);
        await worker.SaveWithRollupAsync(notice, delivery, ct);
        return true;
    }

    private async Task<(Notice, NoticeDelivery)> LoadAsync(long noticeId, long deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<NoticeDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId && d.NoticeId == noticeId, ct)
            ?? throw CoBanException.NotFound("送达记录", "delivery");
        var notice = await db.Set<Notice>().FirstAsync(n => n.Id == noticeId, ct);
        return (notice, delivery);
    }

    public static string Label(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "待发送",
        DeliveryStatus.Sending => "发送中",
        DeliveryStatus.Sent => "已发出",
        DeliveryStatus.Delivered => "已送达",
        DeliveryStatus.Undelivered => "未送达",
        DeliveryStatus.Dead => "发送失败",
        DeliveryStatus.Uncertain => "待核实",
        DeliveryStatus.Ready => "待打印",
        DeliveryStatus.Skipped => "未发送",
        _ => "已取消",
    };

    public static string Label(NoticeStatus status) => status switch
    {
        NoticeStatus.Pending => "待生成",
        NoticeStatus.Dispatching => "发送中",
        NoticeStatus.Sent => "已发出",
        NoticeStatus.Dead => "失败",
        NoticeStatus.Attention => "待核实",
        NoticeStatus.NotSent => "未发出（待打印交付）",
        _ => "已取消",
    };
}
