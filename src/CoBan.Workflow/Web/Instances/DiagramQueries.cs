using CoBan.Workflow.Data;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web.Instances;

/// <summary>An instance with the model of the version it runs on, for the diagram with tokens and the path taken.</summary>
public sealed record InstanceView(InstanceDetail Detail, string ProcedureName, string Xml, IReadOnlyList<int> PublishedVersions);

public sealed class DiagramQueries(CoBanDbContext db, InstanceQueries instances)
{
    /// <summary>The instance (access checked by <see cref="InstanceQueries"/>), its version's XML and the versions it could migrate to.</summary>
    public async Task<InstanceView> InstanceAsync(long id, CancellationToken ct)
    {
        var detail = await instances.DetailAsync(id, ct);
        var row = await db.Set<ProcessInstance>().AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ProcedureVersionId, i.ProcedureId }).FirstAsync(ct);
        var xml = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.Id == row.ProcedureVersionId).Select(v => v.Xml).FirstAsync(ct);
        var name = await db.Set<Procedure>().AsNoTracking().Where(p => p.Id == row.ProcedureId).Select(p => p.Name).FirstAsync(ct);
        var versions = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.ProcedureId == row.ProcedureId && v.Number != null && v.Status != VersionStatus.Draft)
            .OrderByDescending(v => v.Number).Select(v => v.Number!.Value).ToListAsync(ct);
        return new InstanceView(detail, name, xml, versions);
    }

    /// <summary>The XML of a published version of the instance's procedure (for the migration mapping's target elements).</summary>
    public async Task<string> VersionXmlAsync(long instanceId, int number, CancellationToken ct)
    {
        var instance = await instances.GetAsync(instanceId, ct);
        return await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == instance.ProcedureId && v.Number == number)
            .Select(v => v.Xml).FirstOrDefaultAsync(ct) ?? throw CoBanException.NotFound($"版本 {number}", $"version {number}");
    }

    /// <summary>The procedures in the caller's scope with their published version numbers, for the instance list filter.</summary>
    public async Task<List<(long Id, string Name, string BureauCode, List<int> Versions)>> ProceduresAsync(ProcedureService procedures, CancellationToken ct)
    {
        var list = await procedures.ListAsync(null, ct);
        var ids = list.Select(p => p.Id).ToList();
        var versions = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => ids.Contains(v.ProcedureId) && v.Number != null)
            .Select(v => new { v.ProcedureId, Number = v.Number!.Value }).ToListAsync(ct);
        return list.Select(p => (p.Id, p.Name, p.BureauCode, versions.Where(v => v.ProcedureId == p.Id).Select(v => v.Number).OrderDescending().ToList())).ToList();
    }
}
