using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

public static class TimerEndpoints
{
    private static readonly string[] Overseers = [Roles.Administrator, Roles.Supervisor, Roles.DutyLeader];

    /// <summary>/api/v1/timers/misfired and /api/v1/deadlines (GET /api/v1/timers?hours= is in InstanceEndpoints).</summary>
    public static IEndpointRouteBuilder MapTimerApi(this IEndpointRouteBuilder app)
    {
        var timers = app.MapGroup("/api/v1/timers").RequireAuthorization().WithTags("Timers");
        timers.MapGet("/misfired", async (double? hours, int? page, int? pageSize, TimerQueries q, BureauScope scope, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            scope.DemandRole(Overseers);
            return (await q.MisfiredAsync(clock.GetUtcNow(), hours ?? 24, PageRequest.From(page, pageSize), ct)).Answer(http);
        });
        timers.MapPost("/{id:long}/retry", RetryAsync);

        var deadlines = app.MapGroup("/api/v1/deadlines").RequireAuthorization().WithTags("Deadlines");
        deadlines.MapGet("/", async (long? instanceId, long? caseId, bool? open, int? page, int? pageSize, TimerQueries q, HttpContext http, CancellationToken ct) =>
            (await q.DeadlinesAsync(instanceId, caseId, open ?? true, PageRequest.From(page, pageSize), ct)).Answer(http));
        deadlines.MapPost("/{id:long}/pause", (long id, DeadlineActionRequest body, DeadlineEndpointsContext c, CancellationToken ct) =>
            c.ActAsync(id, (unit, d) => c.Deadlines.PauseAsync(unit, d.HolderKind, d.HolderId, body.Reason!, ct), ct));
        deadlines.MapPost("/{id:long}/resume", (long id, DeadlineActionRequest body, DeadlineEndpointsContext c, CancellationToken ct) =>
            c.ActAsync(id, (unit, d) => c.Deadlines.ResumeAsync(unit, d.HolderKind, d.HolderId, body.Reason!, ct), ct));
        deadlines.MapPost("/{id:long}/move", (long id, DeadlineActionRequest body, DeadlineEndpointsContext c, CancellationToken ct) =>
            c.ActAsync(id, (unit, d) => c.Deadlines.MoveAsync(unit, d.HolderKind, d.HolderId,
                body.Due ?? throw CoBanException.Invalid("due-required", "请给出新的期限", "give the new due date"), body.Reason!, ct), ct));
        deadlines.MapGet("/recompute", PreviewAsync);
        deadlines.MapPost("/recompute", ApplyAsync);
        return app;
    }

    private static async Task<TimerInfo> RetryAsync(long id, CoBanDbContext db, BureauScope scope, TimerRunner runner, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var timer = await db.Set<ScheduledTimer>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw CoBanException.NotFound("定时器", "timer");
        if (timer.BureauId is { } b) await scope.DemandAsync(b, ct);
        if (timer.Status != TimerStatus.Pending) throw CoBanException.Conflict("timer-not-pending", "定时器已触发或已取消", "the timer has already fired or was cancelled");
        await runner.FireAsync([id], ct);
        return TimerQueries.Info(await db.Set<ScheduledTimer>().AsNoTracking().FirstAsync(t => t.Id == id, ct));
    }

    private static async Task<RecomputePreview> PreviewAsync(string? bureau, DeadlineService deadlines, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        return await deadlines.PreviewRecomputeAsync(db, await BureausAsync(bureau, db, scope, ct), ct);
    }

    private static async Task<RecomputeResult> ApplyAsync(RecomputeRequest body, DeadlineService deadlines, RuntimeService runtime, CurrentUser me,
        CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        if (body.Revision is not { } revision)
            throw CoBanException.Invalid("revision-required", "请给出预览时的日历版本（revision）", "give the calendar revision of the preview",
                new Dictionary<string, string[]> { ["revision"] = ["必填 / required"] });
        var bureaus = await BureausAsync(body.BureauCode, db, scope, ct);
        return await runtime.InUnitAsync(me.Actor, unit => deadlines.ApplyRecomputeAsync(unit, revision, bureaus, body.Reason ?? "", ct), ct);
    }

    private static async Task<IReadOnlyCollection<long>> BureausAsync(string? code, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        if (code is null) return visible;
        var id = await db.Set<Bureau>().Where(b => b.Code == code).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct) ?? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}");
        await scope.DemandAsync(id, ct);
        return [id];
    }
}

/// <summary>What the deadline actions share: find the deadline in the caller's scope, act on it in a unit of work, answer with it.</summary>
public sealed class DeadlineEndpointsContext(CoBanDbContext db, BureauScope scope, CurrentUser me, RuntimeService runtime, DeadlineService deadlines)
{
    public DeadlineService Deadlines => deadlines;

    public async Task<DeadlineInfo> ActAsync(long id, Func<UnitOfWork, Deadline, Task<Deadline>> action, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator, Roles.DutyLeader, Roles.ChiefCoordinator);
        var deadline = await db.Set<Deadline>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw CoBanException.NotFound("期限", "deadline");
        await scope.DemandAsync(deadline.BureauId, ct);
        var changed = await runtime.InUnitAsync(me.Actor, unit => action(unit, deadline), ct);
        return DeadlineInfo.Of(changed);
    }
}
