using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Camunda 7's condition evaluation (<c>POST /condition</c>): the variables sent are tried against the
/// conditional start events of every latest published procedure of the bureau, and each start event
/// whose condition holds starts a new instance with them, in one unit.
/// </summary>
public static class ConditionalStarts
{
    public static async Task<int> StartAsync(UnitOfWork unit, ProcedureCatalog catalog, long bureauId, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        var db = unit.Db;
        var latest = await LatestVersions.PublishedAsync(db, bureauId, ct);
        var options = await unit.EngineOptionsAsync(bureauId, ct);
        var started = 0;
        foreach (var version in latest)
        {
            var document = await catalog.DocumentAsync(db, version.Id, ct);
            foreach (var process in document.Executable)
                foreach (var start in StartConditions.Holding(process, variables, unit.Now, options))
                {
                    await unit.StartAsync(version, bureauId, process.Id, new Start(variables, start.Id), null, null, null, ct);
                    started++;
                }
        }
        return started;
    }
}
