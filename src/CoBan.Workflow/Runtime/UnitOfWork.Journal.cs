using System.Text;
using System.Text.Json;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Runtime;

/// <summary>What a step writes to the journal: the stimulus (with the variables it changed) and the elements it passed.</summary>
public sealed partial class UnitOfWork
{
    private void JournalStep(ProcessInstance instance, Stimulus stimulus, AdvanceResult result, IReadOnlyDictionary<string, object?>? before)
    {
        var (action, detail) = stimulus switch
        {
            Start => ("instance.started", "流程实例启动"),
            CompleteTask t => ("task.completed", $"完成任务 #{t.TaskId}"),
            FireTimer t => ("timer.fired", $"定时器 #{t.TimerId} 到期"),
            DeliverMessage m => ("message.received", $"收到消息“{m.Name}”"),
            DeliverSignal s => ("signal.received", $"收到信号“{s.Name}”"),
            CompleteService s => ("service.completed", $"服务调用 #{s.CallId} 完成"),
            FailService s => ("service.failed", $"服务调用 #{s.CallId} 失败：{s.Message}"),
            CompleteCallActivity c => ("call.completed", $"子流程（调用 #{c.CallId}）结束"),
            RetryIncident r => ("incident.retried", $"重试故障（执行 #{r.ExecutionId}）"),
            SetVariables => ("variables.set", "修改流程变量"),
            Cancel c => ("instance.cancelled", $"流程实例被终止：{c.Reason}"),
            _ => ("step", stimulus.GetType().Name),
        };
        var (changedBefore, changedAfter) = Diff(before, result.State.Variables);
        AddJournal(instance, action, detail, null, changedBefore, changedAfter);

        var definition = result.State.ProcessId;
        foreach (var entry in result.Trace)
        {
            if (entry.Kind != TraceKind.Entered) continue;
            var node = _deps.Catalog.TryNode(instance.ProcedureVersionId, definition, entry.ElementId);
            if (node is null || node.Kind.IsGateway() || node.Kind == NodeKind.StartEvent && stimulus is not Start) continue;
            AddJournal(instance, "element.entered", $"进入{KindZh(node.Kind)}“{node.Name ?? node.Id}”", node.Id);
        }
        if (result.State.IsEnded)
            AddJournal(instance, "instance.ended", result.State.Status == Engine.Execution.InstanceStatus.Terminated ? "流程实例已终止" : "流程实例已结束");
    }

    private static (string? Before, string? After) Diff(IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?> after)
    {
        var old = new Dictionary<string, object?>();
        var now = new Dictionary<string, object?>();
        foreach (var (key, value) in after)
        {
            object? previous = null;
            if (before is not null && before.TryGetValue(key, out previous) && Same(previous, value)) continue;
            old[key] = previous;
            now[key] = value;
        }
        if (before is not null)
            foreach (var (key, value) in before)
                if (!after.ContainsKey(key))
                {
                    old[key] = value;
                    now[key] = null;
                }
        return now.Count == 0 ? (null, null) : (Json(old), Json(now));
    }

    private static bool Same(object? a, object? b) => Equals(a, b) || (a is not null && b is not null && Json(a) == Json(b));

    private static string Json(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            StateJson.WriteValue(writer, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string KindZh(NodeKind kind) => kind switch
    {
        NodeKind.UserTask => "任务",
        NodeKind.ManualTask => "人工步骤",
        NodeKind.ServiceTask => "服务任务",
        NodeKind.SendTask => "发送",
        NodeKind.ReceiveTask => "等待接收",
        NodeKind.SubProcess => "子流程",
        NodeKind.CallActivity => "调用流程",
        NodeKind.EndEvent => "结束",
        NodeKind.BoundaryEvent => "边界事件",
        NodeKind.IntermediateCatchEvent => "等待事件",
        NodeKind.IntermediateThrowEvent => "事件",
        NodeKind.StartEvent => "开始",
        _ => "步骤",
    };
}
