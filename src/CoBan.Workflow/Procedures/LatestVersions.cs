using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Procedures;

/// <summary>
/// The version a new instance of each of a bureau's procedures starts on: its highest published one. What starts
/// instances by an event rather than by a person choosing a version (a message, a signal, a condition) asks here.
/// </summary>
public static class LatestVersions
{
    public static Task<List<ProcedureVersion>> PublishedAsync(CoBanDbContext db, long bureauId, CancellationToken ct) =>
        (from p in db.Set<Procedure>().AsNoTracking()
         where p.BureauId == bureauId
         let v = db.Set<ProcedureVersion>().Where(v => v.ProcedureId == p.Id && v.Status == VersionStatus.Published)
             .OrderByDescending(v => v.Number).FirstOrDefault()
         where v != null
         select v).ToListAsync(ct);
}
