using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/cases").RequireAuthorization().WithTags("Cases");
        api.MapGet("/", (string? bureau, string? status, string? category, bool? mine, bool? open, bool? overdue, string? q, int? page, int? pageSize, CaseQueries s, CancellationToken ct) =>
            s.ListAsync(bureau, status, category, mine, open, overdue, q, page, pageSize, ct)).WithName("ListCases").WithSummary("Cases the caller may see (bureau, status, category, mine, open, overdue, text), paged");
        api.MapPost("/", Register).WithName("RegisterCase").WithSummary("Register a case for an applicant; its procedure starts");
        api.MapGet("/{id:long}", (long id, CaseQueries s, CancellationToken ct) => s.DetailAsync(id, ct)).WithName("GetCase").WithSummary("A case with its applicant, deadline and status");
        api.MapGet("/by-number/{number}", ByNumber).WithName("GetCaseByNumber").WithSummary("A case by its number");
        api.MapGet("/{id:long}/journal", (long id, CaseQueries s, CancellationToken ct) => s.JournalAsync(id, ct)).WithName("GetCaseJournal").WithSummary("A case's journal");
        api.MapGet("/{id:long}/notices", (long id, CaseQueries s, CancellationToken ct) => s.NoticesAsync(id, ct)).WithName("ListCaseNotices").WithSummary("Notices sent about a case");
        api.MapGet("/{id:long}/tasks", (long id, CaseQueries s, CancellationToken ct) => s.TasksAsync(id, openOnly: false, ct)).WithName("ListCaseTasks").WithSummary("A case's tasks, open and done");
        api.MapGet("/{id:long}/chain", (long id, CaseQueries s, CancellationToken ct) => s.ChainAsync(id, ct)).WithName("GetCaseChain").WithSummary("The bureaus of a joint case and where it stands");
        api.MapGet("/{id:long}/log/{entryId:long}/signature", async (long id, long entryId, CaseQueries s, CancellationToken ct) =>
        {
            var (png, _) = await s.SignatureAsync(id, entryId, ct);
            return TypedResults.File(png, "image/png");
        }).Produces(200, contentType: "image/png").WithName("GetCoordinationLogSignature").WithSummary("The applicant's signature on a coordination log entry (PNG)");
        api.MapPost("/{id:long}/owner", async (long id, ReassignRequest body, CaseCommands s, CaseQueries q, CancellationToken ct) =>
        {
            await s.ReassignAsync(id, body, ct);
            return await q.DetailAsync(id, ct);
        }).WithName("ReassignCase").WithSummary("Give a case to another coordinator");
        api.MapPost("/{id:long}/withdraw", async (long id, ReasonRequest body, CaseCommands s, CaseQueries q, CancellationToken ct) =>
        {
            await s.WithdrawAsync(id, body, ct);
            return await q.DetailAsync(id, ct);
        }).WithName("WithdrawCase").WithSummary("The applicant withdraws the case");
        api.MapPost("/{id:long}/revoke", async (long id, ReasonRequest body, CaseCommands s, CaseQueries q, CancellationToken ct) =>
        {
            await s.RevokeAsync(id, body, ct);
            return await q.DetailAsync(id, ct);
        }).WithName("RevokeCase").WithSummary("Revoke a case registered in error");
        api.MapPost("/{id:long}/evaluation", Evaluate).WithName("EvaluateCase").WithSummary("Record the applicant's evaluation");
        // 行政许可法 Art. 42: the duty leader extends a committed deadline once, by up to 10 working days, with a reason.
        api.MapPost("/{id:long}/extension", async (long id, ExtensionRequest body, CaseExtensions s, CaseQueries q, CancellationToken ct) =>
        {
            await s.ExtendAsync(id, body, ct);
            return await q.DetailAsync(id, ct);
        }).WithName("ExtendCaseDeadline").WithSummary("Extend a committed deadline once, by up to 10 working days, with a reason (the duty leader)");

        app.MapGet("/api/v1/transfers", Transfers).RequireAuthorization().WithTags("Cases").WithName("ListTransfers").WithSummary("Transfers to and from the caller's bureaus");
        app.MapGet("/api/v1/evaluations", Evaluations).RequireAuthorization().WithTags("Cases").WithName("ListEvaluations").WithSummary("Evaluations of the caller's bureaus");
        return app;
    }

    private static async Task<Created<CaseDetail>> Register(RegisterCaseRequest body, CaseRegistration registration, CaseQueries q, CancellationToken ct)
    {
        var id = await registration.RegisterAsync(body, ct);
        return TypedResults.Created($"/api/v1/cases/{id}", await q.DetailAsync(id, ct));
    }

    private static async Task<CaseDetail> ByNumber(string number, CoBanDbContext db, CaseQueries q, CancellationToken ct)
    {
        var id = await db.Set<Case>().Where(c => c.Number == number).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct)
            ?? await CaseNumbers.FindByBureauNumberAsync(db, number, ct)
            ?? throw CoBanException.NotFound($"案件 {number}", $"case {number}");
        return await q.DetailAsync(id, ct);
    }

    private static async Task<Created<EvaluationInfo>> Evaluate(long id, EvaluationRequest body, CaseAccess access, CaseEvaluations evaluations, CurrentUser me, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        access.DemandOwnerOrLeader(c);
        var evaluation = await evaluations.EvaluateAsync(id, body, "desk", me.Actor, ct);
        return TypedResults.Created($"/api/v1/cases/{id}", CaseQueries.Evaluation(evaluation));
    }

    public sealed record TransferRow(long Id, long FromCaseId, string FromCaseNumber, string ApplicantName, string MatterName, BureauRef FromBureau, BureauRef ToBureau,
        string Reasons, string? LegalBasis, bool CrossLevel, string Status, long? ReceivingCaseId, string? RefusalReason, DateTimeOffset SentAt, DateTimeOffset? RespondedAt);

    /// <summary>The transfers sent to (incoming) or from (outgoing) the caller's bureau: the receiving coordinator's inbox, the sender's tracking list.</summary>
    private static async Task<IReadOnlyList<TransferRow>> Transfers(string? direction, string? status, int? page, int? pageSize, HttpContext http, CoBanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var mine = me.BureauId;
        var query = db.Set<Transfer>().AsNoTracking();
        query = direction switch
        {
            null or "incoming" => query.Where(t => t.ToBureauId == mine),
            "outgoing" => query.Where(t => t.FromBureauId == mine),
            _ => throw CoBanException.BadRequest("bad-direction", "direction 应为 incoming 或 outgoing", "direction must be incoming or outgoing"),
        };
        if (status is not null)
        {
            var s = EnumCodes.Parse<TransferStatus>(status, "status");
            query = query.Where(t => t.Status == s);
        }
        var rows = await (from t in query
                          join c in db.Set<Case>() on t.FromCaseId equals c.Id
                          join f in db.Set<Bureau>() on t.FromBureauId equals f.Id
                          join b in db.Set<Bureau>() on t.ToBureauId equals b.Id
                          orderby t.Id descending
                          select new { t, c.Number, c.ApplicantName, c.MatterName, From = new BureauRef(f.Id, f.Code, f.Name), To = new BureauRef(b.Id, b.Code, b.Name) })
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        return rows.Select(r => new TransferRow(r.t.Id, r.t.FromCaseId, r.Number, r.ApplicantName, r.MatterName, r.From, r.To, r.t.Reasons, r.t.LegalBasis, r.t.CrossLevel,
            r.t.Status.Code(), r.t.ReceivingCaseId, r.t.RefusalReason, r.t.SentAt, r.t.RespondedAt)).Answer(http);
    }

    public sealed record EvaluationRow(long CaseId, string CaseNumber, BureauRef Bureau, string OwnerName, EvaluationInfo Evaluation);

    /// <summary>Evaluations of the bureaus in scope, for duty leaders and supervisors (以群众满意为标准).</summary>
    private static async Task<IReadOnlyList<EvaluationRow>> Evaluations(string? bureau, bool? bad, bool? open, int? page, int? pageSize, HttpContext http, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        scope.DemandRole(Roles.DutyLeader, Roles.Supervisor, Roles.Administrator, Roles.ChiefCoordinator);
        var visible = await scope.VisibleAsync(ct);
        var rows = await (from e in db.Set<Evaluation>().AsNoTracking()
                          join c in db.Set<Case>() on e.CaseId equals c.Id
                          join b in db.Set<Bureau>() on c.BureauId equals b.Id
                          join u in db.Users on c.OwnerId equals u.Id
                          where visible.Contains(c.BureauId) && (bureau == null || b.Code == bureau) && (bad != true || e.Level <= 2)
                                && (open != true || (e.Level <= 2 && e.RectifiedAt == null))
                          orderby e.Id descending
                          select new { e, c.Number, Bureau = new BureauRef(b.Id, b.Code, b.Name), u.DisplayName }).ToPagedAsync(PageRequest.From(page, pageSize), ct);
        return rows.Select(r => new EvaluationRow(r.e.CaseId, r.Number, r.Bureau, r.DisplayName, CaseQueries.Evaluation(r.e))).Answer(http);
    }
}
