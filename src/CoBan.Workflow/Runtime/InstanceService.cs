using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>Changing instances through the API: start, variables, messages, signals, cancel, incident retry, migration.</summary>
public sealed class InstanceService(CoBanDbContext db, CurrentUser me, BureauScope scope, RuntimeService runtime, InstanceQueries queries,
    ProcedureCatalog catalog, MessageCorrelation messages, TimeProvider clock)
{
    public async Task<ProcessInstance> StartAsync(StartInstanceRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Coordinator, Roles.ChiefCoordinator, Roles.DutyLeader, Roles.Administrator, Roles.ProcessOwner);
        var procedure = await FindProcedureAsync(request, ct);
        await scope.DemandAsync(procedure.BureauId, ct);
        var version = await runtime.PublishedVersionAsync(procedure.Id, request.Version, ct);
        return await runtime.StartAsync(version, procedure.BureauId, procedure.Key, Values(request.Variables), me.Actor, ct, request.BusinessKey, startEventId: request.StartEventId);
    }

    public const int MaxBatch = 500;

    /// <summary>Starts up to <see cref="MaxBatch"/> instances in one transaction: all start, or none does.</summary>
    public async Task<List<long>> StartBatchAsync(BatchStartRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Coordinator, Roles.ChiefCoordinator, Roles.DutyLeader, Roles.Administrator, Roles.ProcessOwner);
        var items = request.Instances ?? [];
        if (items.Count is 0 or > MaxBatch)
            throw CoBanException.Invalid("batch-size", $"一次可启动 1 到 {MaxBatch} 个实例", $"a batch starts 1 to {MaxBatch} instances",
                new Dictionary<string, string[]> { ["instances"] = [$"1..{MaxBatch}"] });
        var procedure = await FindProcedureAsync(new StartInstanceRequest(request.ProcedureId, request.BureauCode, request.Key, request.Version, null, null, null), ct);
        await scope.DemandAsync(procedure.BureauId, ct);
        var version = await runtime.PublishedVersionAsync(procedure.Id, request.Version, ct);
        var started = await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var list = new List<ProcessInstance>(items.Count);
            foreach (var item in items)
                list.Add(await unit.StartAsync(version, procedure.BureauId, procedure.Key, new Start(Values(item.Variables)), item.BusinessKey, null, null, ct));
            return list;
        }, ct);
        return started.Select(i => i.Id).ToList();
    }

    public async Task<ProcessInstance> SetVariablesAsync(long id, VariablesRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator, Roles.DutyLeader, Roles.Coordinator, Roles.ChiefCoordinator);
        await queries.GetAsync(id, ct);
        var values = Values(request.Variables) ?? throw CoBanException.Invalid("variables-required", "请提供要修改的变量", "no variables given");
        var reserved = values.Keys.Where(ReservedVariables.IsReserved).ToList();
        if (reserved.Count > 0)
            throw CoBanException.Invalid("reserved-variable", $"变量 {string.Join("、", reserved)} 由办件决定，不能在此修改（更换承办人请由带班领导改派）",
                $"the variables {string.Join(", ", reserved)} belong to the case and cannot be set here (the duty leader reassigns a case)",
                reserved.ToDictionary(r => $"variables.{r}", _ => new[] { "保留变量 / reserved" }));
        return await runtime.ApplyAsync(id, new SetVariables(values), me.Actor, ct, request.ExpectedVersion);
    }

    public async Task<ProcessInstance> CancelAsync(long id, string? reason, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator, Roles.DutyLeader);
        await queries.GetAsync(id, ct);
        if (string.IsNullOrWhiteSpace(reason))
            throw CoBanException.Invalid("reason-required", "终止流程实例需要填写原因", "cancelling an instance needs a reason", new Dictionary<string, string[]> { ["reason"] = ["必填 / required"] });
        return await runtime.ApplyAsync(id, new Cancel(reason.Trim()), me.Actor, ct);
    }

    public async Task<ProcessInstance> RetryIncidentAsync(long incidentId, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw CoBanException.NotFound("故障", "incident");
        await queries.GetAsync(incident.InstanceId, ct);
        if (incident.ResolvedAt is not null) throw CoBanException.Conflict("incident-resolved", "该故障已处理", "the incident is already resolved");
        return await runtime.ApplyAsync(incident.InstanceId, new RetryIncident(incident.ExecutionId), me.Actor, ct);
    }

    /// <summary>Who may act on a bureau's instances (start them, send them messages and signals); supervisors only read.</summary>
    internal static readonly string[] ActingRoles = [Roles.Coordinator, Roles.ChiefCoordinator, Roles.DutyLeader, Roles.Administrator, Roles.ProcessOwner];

    public async Task<object> MessageAsync(MessageRequest request, CancellationToken ct)
    {
        scope.DemandRole(ActingRoles);
        if (string.IsNullOrWhiteSpace(request.Name))
            throw CoBanException.Invalid("name-required", "请填写消息名称", "the message needs a name", new Dictionary<string, string[]> { ["name"] = ["必填 / required"] });
        long? bureauId = request.BureauCode is null ? me.BureauId
            : await db.Set<Bureau>().Where(b => b.Code == request.BureauCode).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct)
              ?? throw CoBanException.NotFound($"单位 {request.BureauCode}", $"bureau {request.BureauCode}");
        await scope.DemandAsync(bureauId.Value, ct);
        var within = await scope.VisibleAsync(ct);
        var delivered = await runtime.InUnitAsync(me.Actor, unit => messages.DeliverAsync(unit, null, request.Name, request.CorrelationKey, Values(request.Variables), ct, bureauId, within), ct);
        if (!delivered)
            throw CoBanException.NotFound($"等待消息“{request.Name}”{(request.CorrelationKey is null ? "" : $"（关联键 {request.CorrelationKey}）")}的流程", $"an instance waiting for message '{request.Name}'");
        return new { delivered = true };
    }

    public async Task<object> SignalAsync(SignalRequest request, CancellationToken ct)
    {
        scope.DemandRole(ActingRoles);
        if (string.IsNullOrWhiteSpace(request.Name))
            throw CoBanException.Invalid("name-required", "请填写信号名称", "the signal needs a name", new Dictionary<string, string[]> { ["name"] = ["必填 / required"] });
        var visible = await scope.VisibleAsync(ct);
        var count = await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var targets = await db.Set<Subscription>().AsNoTracking()
                .Where(s => s.Kind == SubscriptionKind.Signal && s.Name == request.Name)
                .Join(db.Set<ProcessInstance>(), s => s.InstanceId, i => i.Id, (s, i) => i)
                .Where(i => visible.Contains(i.BureauId)).Select(i => i.Id).Distinct().ToListAsync(ct);
            foreach (var id in targets) unit.Enqueue(await unit.LoadAsync(id, ct), new DeliverSignal(request.Name, Values(request.Variables)));
            return targets.Count + await SignalStarts.StartAsync(unit, catalog, me.BureauId, request.Name, Values(request.Variables), ct);
        }, ct);
        return new { instances = count };
    }

    /// <summary>Starts an instance at every conditional start event of the bureau's latest procedures whose condition holds on the variables.</summary>
    public async Task<object> EvaluateConditionsAsync(ConditionRequest request, CancellationToken ct)
    {
        scope.DemandRole(ActingRoles);
        var variables = Values(request.Variables) ?? [];
        var count = await runtime.InUnitAsync(me.Actor, unit => ConditionalStarts.StartAsync(unit, catalog, me.BureauId, variables, ct), ct);
        return new { instances = count };
    }

    /// <summary>Validates a migration mapping, and applies it unless <see cref="MigrationRequest.DryRun"/>. Nothing changes when it is invalid.</summary>
    public async Task<MigrationReport> MigrateAsync(long id, MigrationRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var instance = await queries.GetAsync(id, ct);
        var fromNumber = await db.Set<ProcedureVersion>().Where(v => v.Id == instance.ProcedureVersionId).Select(v => v.Number).FirstAsync(ct) ?? 0;
        if (request.ToVersion is not { } toNumber)
            throw CoBanException.Invalid("version-required", "请指定目标版本", "the target version is required", new Dictionary<string, string[]> { ["toVersion"] = ["必填 / required"] });
        var target = await db.Set<ProcedureVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ProcedureId == instance.ProcedureId && v.Number == toNumber, ct)
            ?? throw CoBanException.NotFound($"版本 {toNumber}", $"version {toNumber}");
        var plan = await PlanAsync(instance, target, request.Mapping, ct);
        var report = Report(plan, fromNumber, toNumber, applied: false);
        if (!plan.Valid || request.DryRun) return report;
        await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var tracked = await unit.LoadAsync(id, ct);
            if (tracked.Version != instance.Version)
                throw CoBanException.Conflict("stale-version", "流程实例在迁移校验后已变化，请重新校验", "the instance changed after the check; validate again");
            await unit.ApplyMigrationAsync(tracked, target.Id, plan, $"流程实例从版本 {fromNumber} 迁移到版本 {toNumber}", ct);
            return tracked;
        }, ct);
        return report with { Applied = true };
    }

    private async Task<MigrationPlan> PlanAsync(ProcessInstance instance, ProcedureVersion target, Dictionary<string, string>? mapping, CancellationToken ct)
    {
        var from = await catalog.ProcessAsync(db, instance.ProcedureVersionId, instance.ProcessId, ct);
        var toDocument = await catalog.DocumentAsync(db, target.Id, ct);
        var to = toDocument.FindProcess(instance.ProcessId) ?? toDocument.Executable.FirstOrDefault()
            ?? throw CoBanException.Conflict("process-missing", "目标版本中没有可执行流程", "the target version has no executable process");
        var state = StateJson.Deserialize(instance.State);
        return Migration.Plan(from, to, state, mapping, clock.GetUtcNow());
    }

    private static MigrationReport Report(MigrationPlan plan, int from, int to, bool applied) => new(plan.Valid, applied, from, to,
        plan.Items.Select(i => new MigrationItemInfo(i.SourceElementId, i.TargetElementId, i.SourceType, i.Ok, i.MessageZh, i.MessageEn)).ToList());

    private async Task<Procedure> FindProcedureAsync(StartInstanceRequest request, CancellationToken ct)
    {
        if (request.ProcedureId is { } pid)
            return await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) ?? throw CoBanException.NotFound("流程", "procedure");
        if (request.Key is null)
            throw CoBanException.Invalid("procedure-required", "请指定流程（procedureId，或 bureauCode 与 key）", "name the procedure (procedureId, or bureauCode and key)",
                new Dictionary<string, string[]> { ["key"] = ["必填 / required"] });
        var bureauId = request.BureauCode is null ? me.BureauId
            : await db.Set<Bureau>().Where(b => b.Code == request.BureauCode).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct) ?? throw CoBanException.NotFound($"单位 {request.BureauCode}", $"bureau {request.BureauCode}");
        return await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.BureauId == bureauId && p.Key == request.Key, ct)
            ?? throw CoBanException.NotFound($"流程 '{request.Key}'", $"procedure '{request.Key}'");
    }

    internal static Dictionary<string, object?>? Values(Dictionary<string, JsonElement>? json) =>
        json?.ToDictionary(kv => kv.Key, kv => StateJson.ReadValue(kv.Value));
}
