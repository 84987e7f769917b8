using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Procedures;

namespace CoBan.Workflow.Notices;

/// <summary>A coban:notice must name a template of the catalog; a channel the template lacks is a warning (it will be skipped).</summary>
internal sealed class NoticeProcedureValidator(NoticeCatalog catalog) : IProcedureValidator
{
    public Task<IEnumerable<BpmnProblem>> ValidateAsync(CoBanDbContext db, long bureauId, BpmnDocument document, CancellationToken ct)
    {
        var problems = new List<BpmnProblem>();
        foreach (var process in document.Executable)
            foreach (var node in process.Nodes.Where(n => n.Notice is not null))
            {
                var notice = node.Notice!;
                var definition = catalog.Find(notice.Template);
                if (definition is null)
                {
                    var names = string.Join(", ", catalog.Notices.Select(n => n.Name).Order());
                    problems.Add(BpmnProblem.Error(node.Id, node.Kind.XmlName(), $"通知模板“{notice.Template}”不存在。可用的模板：{names}",
                        $"there is no notice template '{notice.Template}'. Available: {names}"));
                    continue;
                }
                foreach (var channel in notice.Channels.Where(c => !definition.Channels.Contains(c)))
                    problems.Add(BpmnProblem.Warning(node.Id, node.Kind.XmlName(), $"通知“{definition.Title}”没有{NoticeParts.Label(channel)}模板，该渠道不会发送",
                        $"notice '{notice.Template}' has no {channel} template: that channel will be skipped"));
            }
        return Task.FromResult<IEnumerable<BpmnProblem>>(problems);
    }
}
