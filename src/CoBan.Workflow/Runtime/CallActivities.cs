using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Starts the instance a call activity calls, in the same transaction. Which version: a process of
/// the caller's own file (binding "deployment", or whenever the file holds it), else the bureau's
/// procedure with that key: its latest published version, or the version the model names.
/// </summary>
public sealed class CallActivities(ProcedureCatalog catalog)
{
    public async Task StartAsync(UnitOfWork unit, ProcessInstance caller, StartCallActivity call, CancellationToken ct)
    {
        var db = unit.Db;
        ProcedureVersion? version = null;
        var processId = call.CalledElement;
        var callerVersion = await db.Set<ProcedureVersion>().AsNoTracking().FirstAsync(v => v.Id == caller.ProcedureVersionId, ct);
        var callerDocument = await catalog.DocumentAsync(db, caller.ProcedureVersionId, ct);
        if (call.Binding == CallBinding.Deployment || callerDocument.FindProcess(processId) is not null)
            version = callerDocument.FindProcess(processId) is null ? null : callerVersion;
        else
            version = await FindAsync(unit, caller.BureauId, processId, call, ct);

        if (version is null)
        {
            var which = call.Binding == CallBinding.Version ? $"版本 {call.Version}" : "已发布版本";
            unit.Enqueue(caller, new FailService(call.CallId, null,
                $"找不到被调用的流程 '{processId}' 的{which} / no {(call.Binding == CallBinding.Version ? $"version {call.Version}" : "published version")} of the called procedure '{processId}'"), first: true);
            return;
        }
        await unit.StartAsync(version, caller.BureauId, processId, new Start(call.Variables, Called: true),
            caller.BusinessKey, caller.CaseId, (caller.Id, call.CallId), ct);
        unit.AddJournal(caller, "call.started", $"调用流程“{processId}”（版本 {version.Number?.ToString() ?? "同文件"}）", call.ElementId);
    }

    private static async Task<ProcedureVersion?> FindAsync(UnitOfWork unit, long bureauId, string key, StartCallActivity call, CancellationToken ct)
    {
        var db = unit.Db;
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.BureauId == bureauId && p.Key == key, ct);
        if (procedure is null) return null;
        var versions = db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == procedure.Id);
        return call.Binding == CallBinding.Version
            ? await versions.FirstOrDefaultAsync(v => v.Number == call.Version && v.Status == VersionStatus.Published, ct)
            : await versions.Where(v => v.Status == VersionStatus.Published).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
    }
}
