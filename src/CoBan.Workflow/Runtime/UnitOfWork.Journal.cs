using System.Text;
using System.Text.Json;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Journal;

namespace CoBan.Workflow.Runtime;

/// <summary>What a step writes to the journal: the stimulus (with the variables it changed) and the elements it passed.</summary>
public sealed partial class UnitOfWork
{
    private JournalEntry? _stepEntry;

    /// <summary>
    /// One journal row per applied stimulus: who did what, the variables it changed, and (in the
    /// same row) the elements it passed and what it created. The elements also extend the
    /// instance's path. Features add to the row with <see cref="Note"/>.
    /// </summary>
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
        var passed = new List<string>();
        string? mainElement = null;
        var path = instance.Path.Length == 0 ? [] : instance.Path.Split(',').ToList();
        foreach (var entry in result.Trace)
        {
            if (entry.Kind != TraceKind.Entered) continue;
            var node = _deps.Catalog.TryNode(instance.ProcedureVersionId, result.State.ProcessId, entry.ElementId);
            if (node is null) continue;
            if (!path.Contains(node.Id)) path.Add(node.Id);
            if (node.Kind.IsGateway() || (node.Kind == NodeKind.StartEvent && stimulus is not Start)) continue;
            passed.Add(node.Name ?? node.Id);
            mainElement ??= node.Kind.IsActivity() ? node.Id : null;
        }
        instance.Path = string.Join(',', path);
        var text = new StringBuilder(detail);
        if (passed.Count > 0) text.Append("；经过：").Append(string.Join(" → ", passed));
        if (result.State.IsEnded) text.Append(result.State.Status == Engine.Execution.InstanceStatus.Terminated ? "；流程实例已终止" : "；流程实例已结束");
        _stepEntry = AddJournal(instance, action, text.ToString(), mainElement ?? ElementOf(stimulus, result), changedBefore, changedAfter);
    }

    /// <summary>Adds a sentence to the current step's journal row (e.g. "生成任务“审核”").</summary>
    public void Note(string text)
    {
        if (_stepEntry is null) return;
        _stepEntry.Detail += "；" + text;
    }

    private static string? ElementOf(Stimulus stimulus, AdvanceResult result) => stimulus switch
    {
        CompleteTask t => result.Trace.FirstOrDefault(e => e.Kind == TraceKind.Left).ElementId,
        _ => null,
    };

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
}
