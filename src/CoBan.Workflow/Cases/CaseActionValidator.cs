using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Cases;

/// <summary>
/// A user task's coban:action must name an action this service has, like a service task's: a typo
/// is refused when the procedure is published, not discovered when a coordinator completes the task.
/// </summary>
internal sealed class CaseActionValidator(ServiceActionRegistry actions) : IProcedureValidator
{
    public Task<IEnumerable<BpmnProblem>> ValidateAsync(CoBanDbContext db, long bureauId, BpmnDocument document, CancellationToken ct)
    {
        var problems = document.Executable.SelectMany(p => p.Nodes)
            .Where(n => n.CaseAction is { } name && actions.Find(name) is null)
            .Select(n => BpmnProblem.Error(n.Id, n.Kind.XmlName(),
                $"任务的动作 '{n.CaseAction}' 不存在。可用的动作：{string.Join("、", actions.Names)}",
                $"there is no action '{n.CaseAction}' for the task. Available: {string.Join(", ", actions.Names)}"));
        return Task.FromResult(problems);
    }
}
