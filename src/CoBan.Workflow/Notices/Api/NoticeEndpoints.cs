using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>The notices of a case or instance (the case timeline), one notice in full, and what people do to deliveries.</summary>
public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notices").RequireAuthorization().WithTags("Notices");
        api.MapGet("/", List);
        api.MapGet("/{id:long}", Get);
        api.MapPost("/{id:long}/deliveries/{deliveryId:long}/resend", async (long id, long deliveryId, ResendRequest body, NoticeActions actions, CurrentUser user, BureauScope scope, CoBanDbContext db, NoticeCatalog catalog, CancellationToken ct) =>
        {
            await DemandStaffAsync(db, id, scope, ct);
            await actions.ResendAsync(id, deliveryId, body.Reason, user.Actor, ct);
            return await ViewAsync(db, catalog, id, true, ct);
        });
        api.MapPost("/{id:long}/deliveries/{deliveryId:long}/confirm", async (long id, long deliveryId, ResendRequest body, NoticeActions actions, CurrentUser user, BureauScope scope, CoBanDbContext db, NoticeCatalog catalog, CancellationToken ct) =>
        {
            await DemandStaffAsync(db, id, scope, ct);
            await actions.ConfirmAsync(id, deliveryId, body.Reason, user.Actor, ct);
            return await ViewAsync(db, catalog, id, true, ct);
        });
        api.MapPost("/{id:long}/replan", async (long id, NoticeActions actions, CurrentUser user, BureauScope scope, CoBanDbContext db, NoticeCatalog catalog, CancellationToken ct) =>
        {
            await DemandStaffAsync(db, id, scope, ct);
            await actions.ReplanAsync(id, user.Actor, ct);
            return await ViewAsync(db, catalog, id, true, ct);
        });
        api.MapGet("/{id:long}/print", Print);
        app.MapGet("/print/notices/{id:long}", Print).RequireAuthorization().WithTags("Notices");
        app.MapGet("/print/cases/{caseId:long}/{template}", PrintForCase).RequireAuthorization().WithTags("Notices");
        return app;
    }

    private static async Task<IReadOnlyList<NoticeView>> List(long? caseId, long? instanceId, string? status, int? page, int? pageSize, int? limit, HttpContext http, CoBanDbContext db, BureauScope scope, NoticeCatalog catalog, CancellationToken ct)
    {
        if (caseId is null && instanceId is null)
            throw CoBanException.BadRequest("filter-needed", "请指定 caseId 或 instanceId", "give caseId or instanceId");
        var visible = await scope.VisibleAsync(ct);
        var query = db.Set<Notice>().AsNoTracking().Where(n => n.BureauId == null || visible.Contains(n.BureauId.Value));
        if (caseId is { } c) query = query.Where(n => n.CaseId == c);
        if (instanceId is { } i) query = query.Where(n => n.InstanceId == i);
        if (status is { Length: > 0 } && Enum.TryParse<NoticeStatus>(status, true, out var s)) query = query.Where(n => n.Status == s);
        // limit: the older name of pageSize.
        var notices = await query.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToPagedAsync(PageRequest.From(page, pageSize ?? limit), ct);
        var ids = notices.Items.Select(n => n.Id).ToList();
        var deliveries = (await db.Set<NoticeDelivery>().AsNoTracking().Where(d => ids.Contains(d.NoticeId)).ToListAsync(ct)).ToLookup(d => d.NoticeId);
        return notices.Select(n => View(n, deliveries[n.Id], catalog, withHtml: false)).Answer(http);
    }

    private static async Task<NoticeView> Get(long id, CoBanDbContext db, BureauScope scope, NoticeCatalog catalog, CancellationToken ct)
    {
        await DemandVisibleAsync(db, id, scope, ct);
        return await ViewAsync(db, catalog, id, true, ct);
    }

    internal static async Task<NoticeView> ViewAsync(CoBanDbContext db, NoticeCatalog catalog, long id, bool withHtml, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw CoBanException.NotFound("通知", "notice");
        var deliveries = await db.Set<NoticeDelivery>().AsNoTracking().Where(d => d.NoticeId == id).ToListAsync(ct);
        return View(notice, deliveries, catalog, withHtml);
    }

    private static NoticeView View(Notice n, IEnumerable<NoticeDelivery> deliveries, NoticeCatalog catalog, bool withHtml) => new(
        n.Id, n.Template, catalog.Find(n.Template)?.Title, n.Recipient, DeliveryView.Lower(n.Status), NoticeActions.Label(n.Status), n.CaseId, n.InstanceId,
        n.BureauId, n.ElementId, n.IdempotencyKey, n.CreatedAt, n.PlannedAt, n.LastError,
        deliveries.OrderBy(d => Array.IndexOf(NoticeParts.Channels, d.Channel)).Select(d => DeliveryView.Of(d, withHtml)).ToList());

    /// <summary>The print form as it was issued (stored at dispatch); first opening is recorded as printed.</summary>
    private static async Task<IResult> Print(long id, CoBanDbContext db, BureauScope scope, NoticeActions actions, CurrentUser user,
        NoticePrinter printer, HttpResponse response, CancellationToken ct)
    {
        var notice = await DemandVisibleAsync(db, id, scope, ct);
        var delivery = await db.Set<NoticeDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.NoticeId == id && d.Channel == NoticeParts.Print && d.Html != null, ct);
        if (delivery is not null)
        {
            await actions.MarkPrintedAsync(notice, delivery, user.Actor, ct);
            return PrintPage(response, delivery.Html!);
        }
        // No print delivery (the notice went by SMS or e-mail only): print is always available, rendered now.
        return PrintPage(response, await printer.RenderAsync(db, notice, ct));
    }

    /// <summary>A print form for a case outside any notice (e.g. the coordination log to be signed), rendered from the current data.</summary>
    private static async Task<IResult> PrintForCase(long caseId, string template, CoBanDbContext db, BureauScope scope, NoticePrinter printer, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var theCase = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw CoBanException.NotFound("案件", "case");
        await scope.DemandAsync(theCase.BureauId, ct);
        var notice = new Notice
        {
            IdempotencyKey = $"print:{caseId}:{template}", CaseId = caseId, BureauId = theCase.BureauId, InstanceId = theCase.InstanceId,
            Template = template, Recipient = "applicant", CreatedAt = clock.GetUtcNow(), Channels = NoticeParts.Print,
        };
        return PrintPage(response, await printer.RenderAsync(db, notice, ct));
    }

    /// <summary>A print page runs nothing, whatever it holds (forms stored before sanitising included): scripts are forbidden by CSP.</summary>
    private static IResult PrintPage(HttpResponse response, string html)
    {
        response.Headers.ContentSecurityPolicy = PrintSafety.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<Notice> DemandVisibleAsync(CoBanDbContext db, long id, BureauScope scope, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw CoBanException.NotFound("通知", "notice");
        if (notice.BureauId is { } b) await scope.DemandAsync(b, ct);
        return notice;
    }

    /// <summary>The notice is in a bureau the caller sees, and the caller may act on deliveries (also the attention page).</summary>
    internal static async Task DemandStaffAsync(CoBanDbContext db, long id, BureauScope scope, CancellationToken ct)
    {
        await DemandVisibleAsync(db, id, scope, ct);
        scope.DemandRole(Roles.Coordinator, Roles.ChiefCoordinator, Roles.DutyLeader, Roles.Administrator);
    }
}
