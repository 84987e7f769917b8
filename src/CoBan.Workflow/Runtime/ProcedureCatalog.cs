using System.Collections.Concurrent;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Compiled definitions by version id. Published versions are immutable, so each is parsed once per
/// process lifetime and shared by every instance of it.
/// </summary>
public sealed class ProcedureCatalog
{
    private readonly ConcurrentDictionary<long, BpmnDocument> _documents = new();

    public int Compilations { get; private set; }

    public async Task<BpmnDocument> DocumentAsync(CoBanDbContext db, long versionId, CancellationToken ct)
    {
        if (_documents.TryGetValue(versionId, out var cached)) return cached;
        var version = await db.Set<ProcedureVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw CoBanException.NotFound("流程版本", "procedure version");
        var document = BpmnReader.Parse(version.Xml);
        Compilations++;
        // Drafts change; only frozen versions are worth keeping.
        if (version.Status != VersionStatus.Draft) _documents[versionId] = document;
        return document;
    }

    /// <summary>A node of a version already compiled in this process (for journal texts); null when not cached.</summary>
    public FlowNode? TryNode(long versionId, string processId, string elementId) =>
        _documents.TryGetValue(versionId, out var document) ? document.FindProcess(processId)?.FindNode(elementId) : null;

    public async Task<ProcessDefinition> ProcessAsync(CoBanDbContext db, long versionId, string processId, CancellationToken ct)
    {
        var document = await DocumentAsync(db, versionId, ct);
        return document.FindProcess(processId)
            ?? throw CoBanException.Conflict("process-missing", $"版本中没有流程 '{processId}'", $"the version has no process '{processId}'");
    }
}
