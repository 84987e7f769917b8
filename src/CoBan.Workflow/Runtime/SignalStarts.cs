using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// A signal starts a new instance of every latest published procedure of the bureau whose process
/// has a signal start event of that name (Camunda 7: a signal start event is triggered by every
/// broadcast of its signal), in the same unit as the broadcast.
/// </summary>
public static class SignalStarts
{
    public static async Task<int> StartAsync(UnitOfWork unit, ProcedureCatalog catalog, long bureauId, string name, IReadOnlyDictionary<string, object?>? variables, CancellationToken ct)
    {
        var db = unit.Db;
        var latest = await LatestVersions.PublishedAsync(db, bureauId, ct);
        var started = 0;
        foreach (var version in latest)
        {
            var document = await catalog.DocumentAsync(db, version.Id, ct);
            foreach (var process in document.Executable)
                foreach (var start in process.SignalStarts.Where(s => s.Event?.Name == name))
                {
                    await unit.StartAsync(version, bureauId, process.Id, new Start(variables, start.Id), null, null, null, ct);
                    started++;
                }
        }
        return started;
    }
}
