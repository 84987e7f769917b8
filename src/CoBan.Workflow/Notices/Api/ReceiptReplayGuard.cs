using System.Collections.Concurrent;
using System.Globalization;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Refuses a signed webhook receipt that is stale (its signed timestamp is further than the window
/// from now, either way) or replayed (its signature was already accepted within the window).
/// The cache is in memory, per node: an entry only has to outlive the window (5 minutes by default),
/// after which the timestamp check refuses the receipt anyway, so a restart or a second node can at
/// most let one copy through within that window, and applying a receipt twice records the same status.
/// A durable cache would cost a table and a write on every receipt for that narrow case.
/// </summary>
public sealed class ReceiptReplayGuard(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accepted = new(StringComparer.Ordinal);

    /// <summary>Throws 403 unless the timestamp header is fresh and the signature has not been accepted within the window.</summary>
    public void Check(string? timestampHeader, string signature, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            throw new CoBanException(403, "receipt-timestamp-missing", $"回执缺少有效的时间戳 {WebhookSmsGateway.TimestampHeader}（Unix 秒）",
                $"the receipt lacks a valid {WebhookSmsGateway.TimestampHeader} header (Unix seconds)");
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - signedAt).Duration() > window)
            throw new CoBanException(403, "receipt-stale", $"回执时间戳已过期或超前（允许 {window.TotalSeconds:0} 秒）",
                $"the receipt's timestamp is outside the accepted window of {window.TotalSeconds:0} seconds");
        foreach (var (key, until) in _accepted)
            if (until < now) _accepted.TryRemove(key, out _);
        // Kept until the signed time leaves the window: later the timestamp check refuses the copy.
        if (!_accepted.TryAdd(signature, signedAt + window))
            throw new CoBanException(403, "receipt-replayed", "该回执已接收过，拒绝重放", "this receipt was already accepted; a replay is refused");
    }
}
