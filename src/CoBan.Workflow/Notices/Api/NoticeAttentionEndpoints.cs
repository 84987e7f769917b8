using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>A delivery that needs a person: dead (every retry spent) or uncertain (a crash in its send window).</summary>
public sealed record AttentionRow(long NoticeId, string Template, long? CaseId, long? BureauId, DeliveryView Delivery);

/// <summary>How many deliveries wait for a person, by status (the supervision count).</summary>
public sealed record AttentionCount(int Dead, int Uncertain);

/// <summary>
/// The list duty leaders and administrators work from after an outage: every dead and uncertain delivery in their
/// bureaus, oldest first, each to be resent or confirmed as sent (POST /api/v1/notices/{id}/deliveries/{deliveryId}/resend
/// or /confirm, which record who did it and why).
/// </summary>
public static class NoticeAttentionEndpoints
{
    private static readonly string[] Readers = [Roles.DutyLeader, Roles.Administrator, Roles.Supervisor, Roles.ChiefCoordinator];

    public static IEndpointRouteBuilder MapNoticeAttentionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notices/attention").RequireAuthorization().WithTags("Notices");
        api.MapGet("/", async (string? status, int? page, int? pageSize, NoticeAttention attention, HttpContext http, CancellationToken ct) =>
            (await attention.ListAsync(status, PageRequest.From(page, pageSize), ct)).Answer(http));
        api.MapGet("/count", (NoticeAttention attention, CancellationToken ct) => attention.CountAsync(ct));
        return app;
    }

    /// <summary>The queries behind the list, the count and the page (Web/Notices/NoticeAttentionPage).</summary>
    public sealed class NoticeAttention(CoBanDbContext db, BureauScope scope)
    {
        public async Task<Paged<AttentionRow>> ListAsync(string? status, PageRequest page, CancellationToken ct)
        {
            scope.DemandRole(Readers);
            var statuses = status switch
            {
                null or "" => [DeliveryStatus.Dead, DeliveryStatus.Uncertain],
                "dead" => [DeliveryStatus.Dead],
                "uncertain" => new[] { DeliveryStatus.Uncertain },
                _ => throw CoBanException.BadRequest("bad-status", $"status 应为 dead 或 uncertain，而不是 '{status}'", $"status must be dead or uncertain, not '{status}'"),
            };
            var rows = await Query(await scope.VisibleAsync(ct), statuses)
                .OrderBy(x => x.d.LastAttemptAt ?? x.d.CreatedAt).ThenBy(x => x.d.Id).ToPagedAsync(page, ct);
            return rows.Select(x => new AttentionRow(x.n.Id, x.n.Template, x.n.CaseId, x.n.BureauId, DeliveryView.Of(x.d, withHtml: false)));
        }

        public async Task<AttentionCount> CountAsync(CancellationToken ct)
        {
            scope.DemandRole(Readers);
            var counts = await Query(await scope.VisibleAsync(ct), [DeliveryStatus.Dead, DeliveryStatus.Uncertain])
                .GroupBy(x => x.d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return new AttentionCount(counts.FirstOrDefault(c => c.Key == DeliveryStatus.Dead)?.Count ?? 0,
                counts.FirstOrDefault(c => c.Key == DeliveryStatus.Uncertain)?.Count ?? 0);
        }

        private IQueryable<Row> Query(HashSet<long> visible, DeliveryStatus[] statuses) =>
            from d in db.Set<NoticeDelivery>().AsNoTracking()
            join n in db.Set<Notice>().AsNoTracking() on d.NoticeId equals n.Id
            where statuses.Contains(d.Status) && (n.BureauId == null || visible.Contains(n.BureauId.Value))
            select new Row { d = d, n = n };

        private sealed class Row
        {
            public required NoticeDelivery d { get; init; }
            public required Notice n { get; init; }
        }
    }
}
