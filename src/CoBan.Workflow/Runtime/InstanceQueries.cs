using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>Reading instances: lists by procedure and version, tokens, the path taken, variables, incidents, journal, timers.</summary>
public sealed class InstanceQueries(CoBanDbContext db, BureauScope scope)
{
    public async Task<ProcessInstance> GetAsync(long id, CancellationToken ct)
    {
        var instance = await db.Set<ProcessInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw CoBanException.NotFound("流程实例", "process instance");
        await scope.DemandAsync(instance.BureauId, ct);
        return instance;
    }

    /// <summary>The first page (the newest 500), for the server-rendered list.</summary>
    public async Task<List<InstanceSummary>> ListAsync(long? procedureId, int? version, string? status, CancellationToken ct) =>
        [.. (await ListAsync(procedureId, version, status, new PageRequest(1, PageRequest.DefaultSize), ct)).Items];

    public async Task<Paged<InstanceSummary>> ListAsync(long? procedureId, int? version, string? status, PageRequest page, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var query = from i in db.Set<ProcessInstance>().AsNoTracking()
                    join p in db.Set<Procedure>() on i.ProcedureId equals p.Id
                    join v in db.Set<ProcedureVersion>() on i.ProcedureVersionId equals v.Id
                    where visible.Contains(i.BureauId) && (procedureId == null || v.ProcedureId == procedureId) && (version == null || v.Number == version)
                    select new { i, p.Key, v.Number };
        query = status switch
        {
            "running" => query.Where(x => x.i.Status == InstanceStatus.Running),
            "ended" => query.Where(x => x.i.Status != InstanceStatus.Running),
            "incident" => query.Where(x => x.i.HasIncident),
            _ => query,
        };
        var rows = await query.OrderByDescending(x => x.i.Id).ToPagedAsync(page, ct);
        return rows.Select(x => Summary(x.i, x.Key, x.Number));
    }

    public async Task<InstanceDetail> DetailAsync(long id, CancellationToken ct)
    {
        var instance = await GetAsync(id, ct);
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstAsync(p => p.Id == instance.ProcedureId, ct);
        var number = await db.Set<ProcedureVersion>().Where(v => v.Id == instance.ProcedureVersionId).Select(v => v.Number).FirstAsync(ct);
        var state = StateJson.Deserialize(instance.State);
        var tokens = state.Executions.Select(e => new TokenInfo(e.Id, e.ElementId, e.State.LowerCode(), e.Incident)).ToList();
        var path = instance.Path.Length == 0 ? [] : instance.Path.Split(',');
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => i.InstanceId == id).OrderBy(i => i.Id)
            .Select(i => new IncidentInfo(i.Id, i.InstanceId, i.ExecutionId, i.ElementId, i.MessageZh, i.MessageEn, i.CreatedAt, i.ResolvedAt)).ToListAsync(ct);
        return new InstanceDetail(Summary(instance, procedure.Key, number), tokens, state.WaitingAt.Distinct().ToList(), path,
            state.Variables, incidents, instance.ParentInstanceId);
    }

    public async Task<List<JournalInfo>> JournalAsync(long id, CancellationToken ct)
    {
        await GetAsync(id, ct);
        return await db.Set<JournalEntry>().AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id)
            .Select(j => new JournalInfo(j.Id, j.At, j.Action, j.Detail, j.UserName, j.Ip, j.ElementId, j.Before, j.After)).ToListAsync(ct);
    }

    /// <summary>Pending timers (of one instance, or all visible ones due within <paramref name="within"/>), soonest first.</summary>
    public async Task<List<TimerInfo>> TimersAsync(long? instanceId, TimeSpan? within, DateTimeOffset now, CancellationToken ct) =>
        [.. (await TimersAsync(instanceId, within, now, PageRequest.All, ct)).Items];

    public async Task<Paged<TimerInfo>> TimersAsync(long? instanceId, TimeSpan? within, DateTimeOffset now, PageRequest page, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var query = from t in db.Set<ScheduledTimer>().AsNoTracking()
                    join i in db.Set<ProcessInstance>() on t.InstanceId equals i.Id into joined
                    from i in joined.DefaultIfEmpty()
                    where t.Status == TimerStatus.Pending
                          && (t.BureauId != null ? visible.Contains(t.BureauId.Value) : i != null && visible.Contains(i.BureauId))
                    select t;
        if (instanceId is { } iid) query = query.Where(t => t.InstanceId == iid);
        if (within is { } w) { var until = now + w; query = query.Where(t => t.DueAt <= until); }
        var rows = await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToPagedAsync(page, ct);
        return rows.Select(TimerQueries.Info);
    }

    /// <summary>The newest 500, for the server-rendered list.</summary>
    public async Task<List<IncidentInfo>> IncidentsAsync(bool open, CancellationToken ct) =>
        [.. (await IncidentsAsync(open, new PageRequest(1, PageRequest.DefaultSize), ct)).Items];

    public async Task<Paged<IncidentInfo>> IncidentsAsync(bool open, PageRequest page, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        return await (from x in db.Set<Incident>().AsNoTracking()
                      join i in db.Set<ProcessInstance>() on x.InstanceId equals i.Id
                      where visible.Contains(i.BureauId) && (!open || x.ResolvedAt == null)
                      orderby x.Id descending
                      select new IncidentInfo(x.Id, x.InstanceId, x.ExecutionId, x.ElementId, x.MessageZh, x.MessageEn, x.CreatedAt, x.ResolvedAt)).ToPagedAsync(page, ct);
    }

    private static InstanceSummary Summary(ProcessInstance i, string key, int? number) => new(i.Id, i.ProcedureId, key, number, i.BureauId, i.ProcessId,
        i.BusinessKey, i.CaseId, i.Status.LowerCode(), i.HasIncident, i.Version, i.StartedAt, i.EndedAt);
}
