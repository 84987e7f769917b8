using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>How one active element of the instance moves to the target version.</summary>
public sealed record MigrationItem(string SourceElementId, string? TargetElementId, string SourceType, bool Ok, string? MessageZh, string? MessageEn);

/// <summary>
/// The result of validating (and, when valid, computing) a migration: every active element with its
/// target and verdict, the migrated state, and the commands the host applies (timers and
/// subscriptions of boundary events that are gone or new).
/// </summary>
public sealed record MigrationPlan(
    bool Valid,
    IReadOnlyList<MigrationItem> Items,
    IReadOnlyDictionary<string, string> Mapping,
    InstanceState? State,
    IReadOnlyList<Command> Commands);

/// <summary>
/// Moves a running instance to another version with an explicit element mapping, as Camunda 7's
/// migration plans do: validated completely before anything changes. Elements not in the mapping
/// map to the element with the same id in the target, when it is of the same type.
/// </summary>
public static class Migration
{
    public static MigrationPlan Plan(ProcessDefinition from, ProcessDefinition to, InstanceState state,
        IReadOnlyDictionary<string, string>? mapping, DateTimeOffset now, EngineOptions? options = null)
    {
        mapping ??= new Dictionary<string, string>();
        var items = new List<MigrationItem>();
        var effective = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var elementId in state.Executions.Select(e => e.ElementId).Distinct())
        {
            var source = from.FindNode(elementId);
            var item = Check(source, elementId, from, to, mapping, state);
            items.Add(item);
            if (item.Ok) effective[elementId] = item.TargetElementId!;
        }
        foreach (var (sourceId, targetId) in mapping)
        {
            if (from.FindNode(sourceId) is null)
                items.Add(new MigrationItem(sourceId, targetId, "?", false, $"映射中的源元素 '{sourceId}' 不在当前版本中", $"the mapping's source '{sourceId}' is not in the current version"));
            else if (to.FindNode(targetId) is null && !items.Any(i => i.SourceElementId == sourceId))
                items.Add(new MigrationItem(sourceId, targetId, from.Node(sourceId).Kind.XmlName(), false, $"目标元素 '{targetId}' 不在目标版本中", $"target '{targetId}' is not in the target version"));
        }
        CheckScopes(state, from, to, effective, items);
        if (items.Any(i => !i.Ok) || state.IsEnded)
        {
            if (state.IsEnded) items.Add(new MigrationItem("-", null, "process", false, "实例已结束，无需迁移", "the instance has ended; there is nothing to migrate"));
            return new MigrationPlan(false, items, effective, null, []);
        }
        var migrated = state.Clone();
        var run = new Run(to, migrated, now, options ?? EngineOptions.Default);
        run.Migrate(from, effective);
        migrated.ProcessId = to.Id;
        migrated.Version++;
        return new MigrationPlan(true, items, effective, migrated, run.Commands);
    }

    private static MigrationItem Check(FlowNode? source, string elementId, ProcessDefinition from, ProcessDefinition to,
        IReadOnlyDictionary<string, string> mapping, InstanceState state)
    {
        if (source is null)
            return new MigrationItem(elementId, null, "?", false, $"实例停留的元素 '{elementId}' 不在当前版本中", $"the instance is at '{elementId}', which its version does not have");
        var type = source.Kind.XmlName();
        var explicitTarget = mapping.TryGetValue(elementId, out var mapped);
        var targetId = explicitTarget ? mapped! : elementId;
        var target = to.FindNode(targetId);
        if (target is null)
            return new MigrationItem(elementId, explicitTarget ? targetId : null, type, false,
                explicitTarget ? $"目标元素 '{targetId}' 不在目标版本中" : $"目标版本中没有 '{elementId}'，请为它指定映射",
                explicitTarget ? $"target '{targetId}' is not in the target version" : $"the target version has no '{elementId}': map it explicitly");
        if (target.Kind != source.Kind || target.Trigger != source.Trigger)
            return new MigrationItem(elementId, targetId, type, false, $"类型不同：{type} 不能迁移到 {target.Kind.XmlName()}",
                $"different types: a {type} cannot become a {target.Kind.XmlName()}");
        if ((source.Loop is null) != (target.Loop is null))
            return new MigrationItem(elementId, targetId, type, false, "多实例设置不同，不能迁移", "one is multi-instance and the other is not");
        if (source.Kind is NodeKind.ParallelGateway or NodeKind.InclusiveGateway)
        {
            var flows = state.Executions.Where(e => e.ElementId == elementId && e.FlowId is not null).Select(e => e.FlowId!).Distinct();
            var missing = flows.Where(f => target.Incoming.All(i => i.Id != f)).ToList();
            if (missing.Count > 0)
                return new MigrationItem(elementId, targetId, type, false, $"汇聚网关在目标版本中缺少进入的顺序流 {string.Join("、", missing)}",
                    $"the join lacks incoming flows {string.Join(", ", missing)} in the target version");
        }
        return new MigrationItem(elementId, targetId, type, true, null, null);
    }

    /// <summary>A token inside a sub-process must land inside the sub-process its scope moves to.</summary>
    private static void CheckScopes(InstanceState state, ProcessDefinition from, ProcessDefinition to, Dictionary<string, string> effective, List<MigrationItem> items)
    {
        foreach (var exec in state.Executions)
        {
            if (!effective.TryGetValue(exec.ElementId, out var targetId)) continue;
            var parent = exec.Parent == 0 ? null : state.FindExecution(exec.Parent);
            var target = to.Node(targetId);
            string? expectedContainer = null;
            if (parent is not null && effective.TryGetValue(parent.ElementId, out var parentTarget))
                expectedContainer = parent.State == ExecutionState.MultiInstance ? to.Node(parentTarget).Container?.Id : parentTarget;
            var isInstance = parent is { State: ExecutionState.MultiInstance } && parent.ElementId == exec.ElementId;
            if (isInstance) continue;
            if (target.Container?.Id != expectedContainer)
            {
                var index = items.FindIndex(i => i.SourceElementId == exec.ElementId);
                items[index] = items[index] with
                {
                    Ok = false,
                    MessageZh = $"目标 '{targetId}' 不在对应的子流程 '{expectedContainer ?? "流程顶层"}' 中",
                    MessageEn = $"target '{targetId}' is not inside the matching sub-process '{expectedContainer ?? "process level"}'",
                };
            }
        }
    }
}
