using System.Text;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Web.Designer;

/// <summary>An element as the test-run and the diagrams need it: what it is and what it waits for.</summary>
public sealed record ElementOutline(string Id, string? Name, NodeKind Kind, EventTrigger Trigger, string? EventName, string? AttachedTo,
    IReadOnlyList<FormFieldInfo> Form)
{
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : Name!;
    public bool IsHumanTask => Kind is NodeKind.UserTask or NodeKind.ManualTask;
    public bool WaitsForMessage => Trigger == EventTrigger.Message || Kind == NodeKind.ReceiveTask;
    public bool WaitsForSignal => Trigger == EventTrigger.Signal;
    public bool WaitsForTimer => Trigger == EventTrigger.Timer;
}

public sealed record FlowOutline(string Id, string Source, string Target);

/// <summary>The elements and flows of one process of a model, read with the engine's own parser.</summary>
public sealed record ModelOutline(string? ProcessId, IReadOnlyDictionary<string, ElementOutline> Elements, IReadOnlyList<FlowOutline> Flows)
{
    public static readonly ModelOutline Empty = new(null, new Dictionary<string, ElementOutline>(), []);

    public static ModelOutline Of(string xml, string? processId)
    {
        BpmnDocument document;
        try { document = BpmnReader.Parse(Encoding.UTF8.GetBytes(xml)); }
        catch (Exception) { return Empty; }
        var process = (processId is null ? null : document.FindProcess(processId)) ?? document.Executable.FirstOrDefault() ?? document.Processes.FirstOrDefault();
        if (process is null) return Empty;
        var elements = process.Nodes.ToDictionary(n => n.Id, n => new ElementOutline(n.Id, n.Name, n.Kind, n.Trigger, n.Event?.Name, n.AttachedTo?.Id,
            n.UserTask?.Form.Select(FormFieldInfo.Of).ToList() ?? []));
        var flows = process.Flows.Select(f => new FlowOutline(f.Id, f.Source.Id, f.Target.Id)).ToList();
        return new ModelOutline(process.Id, elements, flows);
    }

    /// <summary>
    /// The path taken as elements and the flows between two visited elements, for highlight(completed).
    /// The journal does not record gateways: one counts as passed when a visited element leads into it
    /// and it leads on to a visited element.
    /// </summary>
    public List<string> PathWithFlows(IEnumerable<string> visited, IEnumerable<string>? active = null)
    {
        var now = (active ?? []).ToHashSet(StringComparer.Ordinal);
        var set = visited.Concat(now).ToHashSet(StringComparer.Ordinal);
        for (var added = true; added;)
        {
            added = false;
            foreach (var gateway in Elements.Values.Where(e => e.Kind.IsGateway() && !set.Contains(e.Id)))
                if (Flows.Any(f => f.Target == gateway.Id && set.Contains(f.Source)) && Flows.Any(f => f.Source == gateway.Id && set.Contains(f.Target)))
                    added |= set.Add(gateway.Id);
        }
        var result = set.Where(id => !now.Contains(id)).ToList();
        result.AddRange(Flows.Where(f => set.Contains(f.Source) && set.Contains(f.Target)).Select(f => f.Id));
        return result;
    }

    public string LabelOf(string id) => Elements.TryGetValue(id, out var e) ? e.Label : id;
}
