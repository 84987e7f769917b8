using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Procedures;

/// <summary>
/// Checks a model against what this service can run beyond BPMN itself: registered service actions,
/// existing notice templates, callable procedures. Features add their own validators.
/// </summary>
public interface IProcedureValidator
{
    Task<IEnumerable<BpmnProblem>> ValidateAsync(CoBanDbContext db, long bureauId, BpmnDocument document, CancellationToken ct);
}
