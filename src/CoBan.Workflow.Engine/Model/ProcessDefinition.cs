namespace CoBan.Workflow.Engine.Model;

/// <summary>
/// A compiled, immutable BPMN process: parsed once per published version and shared by every
/// instance of that version (thread-safe to read).
/// </summary>
public sealed class ProcessDefinition
{
    private readonly Dictionary<string, FlowNode> _byId;
    private readonly Dictionary<string, SequenceFlow> _flowsById;

    internal ProcessDefinition(string id, string? name, bool isExecutable, FlowNode[] nodes, SequenceFlow[] flows, FlowNode[] starts)
    {
        Id = id;
        Name = name;
        IsExecutable = isExecutable;
        Nodes = nodes;
        Flows = flows;
        Starts = starts;
        _byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _flowsById = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public string Id { get; }
    public string? Name { get; }
    public bool IsExecutable { get; }

    /// <summary>Every flow node, sub-process children included.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; }
    public IReadOnlyList<SequenceFlow> Flows { get; }

    /// <summary>Where the process level starts: its start events, or (with none) the nodes without incoming flows.</summary>
    public IReadOnlyList<FlowNode> Starts { get; }

    /// <summary>The event sub-processes at the process level: armed when an instance starts.</summary>
    public IReadOnlyList<FlowNode> EventSubProcesses { get; internal set; } = [];

    /// <summary>Timer start events: the host schedules them per published version.</summary>
    public IEnumerable<FlowNode> TimerStarts => Starts.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.Timer);

    /// <summary>Message start events: a message of this name starts a new instance.</summary>
    public IEnumerable<FlowNode> MessageStarts => Starts.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.Message);

    /// <summary>Signal start events: a signal of this name (thrown, or sent through the API) starts a new instance.</summary>
    public IEnumerable<FlowNode> SignalStarts => Starts.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.Signal);

    /// <summary>Conditional start events: an instance starts when its condition holds on the variables given to the condition evaluation (<see cref="Execution.StartConditions"/>).</summary>
    public IEnumerable<FlowNode> ConditionalStarts => Starts.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.Conditional);

    /// <summary>The definition's own document (other processes, for call activities bound to the deployment).</summary>
    public BpmnDocument? Document { get; internal set; }

    public FlowNode? FindNode(string id) => _byId.GetValueOrDefault(id);
    public FlowNode Node(string id) => _byId.TryGetValue(id, out var n) ? n : throw new KeyNotFoundException($"no element '{id}' in process '{Id}'");
    public SequenceFlow? FindFlow(string id) => _flowsById.GetValueOrDefault(id);

    /// <summary>User tasks and manual tasks: what a person can be asked to do in this process.</summary>
    public IEnumerable<FlowNode> HumanTasks => Nodes.Where(n => n.Kind is NodeKind.UserTask or NodeKind.ManualTask || n is { Kind: NodeKind.ReceiveTask, Event.Name: null });

    public override string ToString() => $"process '{Id}'";
}
