using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Procedures;

/// <summary>A service task must name an action this service has; a Camunda class or expression is refused by name.</summary>
internal sealed class ServiceActionValidator(ServiceActionRegistry actions) : IProcedureValidator
{
    public Task<IEnumerable<BpmnProblem>> ValidateAsync(CoBanDbContext db, long bureauId, BpmnDocument document, CancellationToken ct)
    {
        var problems = new List<BpmnProblem>();
        foreach (var process in document.Executable)
            foreach (var node in process.Nodes.Where(n => n.Service is not null))
            {
                var name = node.Service!.Implementation;
                if (actions.Find(name) is not null) continue;
                problems.Add(BpmnProblem.Error(node.Id, node.Kind.XmlName(),
                    $"服务动作 '{name}' 不存在。可用的动作：{string.Join("、", actions.Names)}",
                    $"there is no service action '{name}'. Available: {string.Join(", ", actions.Names)}"));
            }
        return Task.FromResult<IEnumerable<BpmnProblem>>(problems);
    }
}
