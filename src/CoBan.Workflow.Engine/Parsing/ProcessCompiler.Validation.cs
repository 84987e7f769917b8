using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>Semantic checks after wiring: what each kind of node needs to run.</summary>
internal sealed partial class ProcessCompiler
{
    private void Validate()
    {
        var scopesWithStart = _nodes.Where(n => n.Kind == NodeKind.StartEvent).Select(n => n.Container).ToHashSet();
        foreach (var node in _nodes)
        {
            switch (node.Kind)
            {
                case NodeKind.StartEvent: ValidateStart(node); break;
                case NodeKind.EndEvent: ValidateEnd(node); break;
                case NodeKind.IntermediateCatchEvent: ValidateCatch(node); break;
                case NodeKind.IntermediateThrowEvent: ValidateThrow(node); break;
                case NodeKind.BoundaryEvent: ValidateBoundary(node); break;
                case NodeKind.SendTask when node.Notice is null && node.Service is null:
                    Error(node, "发送任务未指定通知模板：请设置 coban:notice", "the send task names no notice: set coban:notice");
                    break;
                case NodeKind.ExclusiveGateway or NodeKind.InclusiveGateway or NodeKind.ParallelGateway: ValidateGateway(node); break;
                case NodeKind.EventBasedGateway: ValidateEventGateway(node); break;
            }
            if (node.IsEventSubProcess) ValidateEventSubProcess(node);
            else if (node.Kind.IsActivity() || node.Kind is NodeKind.IntermediateCatchEvent or NodeKind.IntermediateThrowEvent)
                CheckReachable(node, scopesWithStart.Contains(node.Container));
        }
        var noneStarts = _nodes.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.None && n.Container is not { IsEventSubProcess: true }).GroupBy(n => n.Container);
        foreach (var group in noneStarts.Where(g => g.Count() > 1))
            foreach (var extra in group.Skip(1))
                Error(extra, "同一层级只能有一个空开始事件", "only one none start event is allowed per level");
    }

    private void ValidateStart(FlowNode node)
    {
        if (node.Incoming.Length > 0)
            Error(node, "开始事件不能有进入的顺序流", "a start event cannot have incoming sequence flows");
        if (node.Container is { IsEventSubProcess: true }) return; // checked with its event sub-process
        var allowed = node.Container is null
            ? node.Trigger is EventTrigger.None or EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal or EventTrigger.Conditional
            : node.Trigger == EventTrigger.None;
        // As Camunda 7: two conditional start events with one condition would start two instances for one evaluation.
        if (node.Container is null && node.Trigger == EventTrigger.Conditional && node.Event?.Condition is { } condition
            && _nodes.TakeWhile(n => n != node).Any(n => n.Kind == NodeKind.StartEvent && n.Container is null && n.Trigger == EventTrigger.Conditional
                && n.Event?.Condition?.Text == condition.Text))
            Error(node, "流程中已有条件相同的条件开始事件", "another conditional start event of the process has the same condition");
        if (!allowed)
            Error(node, $"不支持的元素 {TriggerZh(node.Trigger)}开始事件 '{node.Id}'{(node.Container is null ? "" : "（子流程内只能用空开始事件）")}",
                $"unsupported element {node.Trigger.ToString().ToLowerInvariant()} startEvent '{node.Id}'{(node.Container is null ? "" : " (a sub-process starts with a none start event)")}");
    }

    /// <summary>An event sub-process: one start event with a trigger, no flows in or out, no boundary events.</summary>
    private void ValidateEventSubProcess(FlowNode esp)
    {
        if (esp.Incoming.Length > 0 || esp.Outgoing.Length > 0)
            Error(esp, "事件子流程不能有进入或离开的顺序流", "an event sub-process cannot have incoming or outgoing sequence flows");
        if (esp.Boundaries.Length > 0)
            Error(esp, "事件子流程不能有边界事件", "an event sub-process cannot have boundary events");
        if (esp.Loop is not null)
            Error(esp, "事件子流程不能是多实例", "an event sub-process cannot be multi-instance");
        var starts = esp.Children.Where(n => n.Kind == NodeKind.StartEvent).ToList();
        if (starts.Count != 1)
        {
            if (starts.Count > 1) Error(esp, "事件子流程只能有一个开始事件", "an event sub-process has exactly one start event");
            return;
        }
        var start = starts[0];
        if (_refused.Contains(start.Id)) return;
        if (start.Trigger == EventTrigger.Compensation)
        {
            // The compensation handler of its sub-process: it runs when the completed sub-process is compensated.
            if (esp.Container is not { } sub)
                Error(start, "补偿事件子流程只能放在子流程中（它是该子流程的补偿处理）", "a compensation event sub-process belongs inside a sub-process (it is that sub-process's compensation handler)");
            else if (sub.EventSubProcesses.Count(e => e.Starts.Length > 0 && e.Starts[0].Trigger == EventTrigger.Compensation) > 1)
                Error(start, $"子流程 '{sub.Id}' 只能有一个补偿事件子流程", $"sub-process '{sub.Id}' has more than one compensation event sub-process");
            else if (sub.CompensationBoundary is not null)
                Error(start, $"子流程 '{sub.Id}' 已有补偿边界事件，不能再有补偿事件子流程", $"sub-process '{sub.Id}' has a compensation boundary event and a compensation event sub-process: one handler only");
        }
        else if (start.Trigger is not (EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal or EventTrigger.Error or EventTrigger.Escalation or EventTrigger.Conditional))
            Error(start, $"事件子流程的开始事件需要定时、消息、信号、错误、升级、条件或补偿触发器（当前：{TriggerZh(start.Trigger)}）",
                $"an event sub-process starts with a timer, message, signal, error, escalation, conditional or compensation start event (found: {start.Trigger})");
        else if (start.Trigger == EventTrigger.Error && !start.Interrupting)
            Error(start, "错误开始事件必须是中断的（isInterrupting 不能为 false）", "an error start event must interrupt (isInterrupting cannot be false)");
    }

    private void ValidateEnd(FlowNode node)
    {
        if (node.Outgoing.Length > 0)
            Error(node, "结束事件不能有出口顺序流", "an end event cannot have outgoing sequence flows");
        if (node.Trigger == EventTrigger.Cancel && node.Container is not { IsTransaction: true })
            Error(node, "取消结束事件只能位于事务子流程中", "a cancel end event belongs inside a transaction");
        else if (node.Trigger == EventTrigger.Cancel && !node.Container!.Boundaries.Any(b => b.Trigger == EventTrigger.Cancel))
            Error(node, "事务没有取消边界事件，取消后无处可去", "the transaction has no cancel boundary event to go on from once cancelled");
        if (node.Trigger is EventTrigger.Timer or EventTrigger.Link)
            Error(node, $"不支持的元素 {TriggerZh(node.Trigger)}结束事件", $"unsupported element {node.Trigger.ToString().ToLowerInvariant()} endEvent");
        if (node.Trigger == EventTrigger.Message && node.Event?.Name is null && node.Notice is null)
            Error(node, "消息结束事件需要 messageRef 或 coban:notice", "a message end event needs a messageRef or a coban:notice");
    }

    private void ValidateCatch(FlowNode node)
    {
        if (node.Trigger == EventTrigger.Link && node.Incoming.Length > 0)
            Error(node, "链接捕获事件不能有进入的顺序流", "a link catch event cannot have incoming sequence flows");
        if (node.Trigger is not (EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal or EventTrigger.Link or EventTrigger.Conditional) && !_refused.Contains(node.Id))
            Error(node, $"中间捕获事件需要定时器、消息或信号定义（当前：{TriggerZh(node.Trigger)}）",
                $"an intermediate catch event needs a timer, message or signal definition (found: {node.Trigger})");
    }

    private void ValidateThrow(FlowNode node)
    {
        if (node.Trigger == EventTrigger.Link && node.Outgoing.Length > 0)
            Error(node, "链接抛出事件不能有出口顺序流", "a link throw event cannot have outgoing sequence flows");
        if (node.Trigger is not (EventTrigger.None or EventTrigger.Signal or EventTrigger.Escalation or EventTrigger.Message or EventTrigger.Link or EventTrigger.Compensation) && !_refused.Contains(node.Id))
            Error(node, $"不支持的元素 {TriggerZh(node.Trigger)}中间抛出事件 '{node.Id}'", $"unsupported element {node.Trigger} intermediateThrowEvent '{node.Id}'");
        if (node.Trigger == EventTrigger.Message && node.Event?.Name is null && node.Notice is null)
            Error(node, "消息抛出事件需要 messageRef 或 coban:notice", "a message throw event needs a messageRef or a coban:notice");
    }

    private void ValidateBoundary(FlowNode node)
    {
        if (node.Incoming.Length > 0)
            Error(node, "边界事件不能有进入的顺序流", "a boundary event cannot have incoming sequence flows");
        if (node.Trigger == EventTrigger.Cancel && node.AttachedTo is not { IsTransaction: true })
            Error(node, "取消边界事件只能附着在事务子流程上", "a cancel boundary event is attached to a transaction only");
        if (node.Trigger == EventTrigger.Compensation && node.Outgoing.Length > 0)
            Error(node, "补偿边界事件不能有出口顺序流（它经关联指向补偿处理活动）", "a compensation boundary event cannot have outgoing sequence flows (it points to its handler by an association)");
        if (node.Trigger is not (EventTrigger.Timer or EventTrigger.Error or EventTrigger.Message or EventTrigger.Escalation or EventTrigger.Signal or EventTrigger.Conditional or EventTrigger.Compensation or EventTrigger.Cancel) && !_refused.Contains(node.Id))
            Error(node, $"不支持的元素 {TriggerZh(node.Trigger)}边界事件 '{node.Id}'", $"unsupported element {node.Trigger} boundaryEvent '{node.Id}'");
        if (node.Trigger == EventTrigger.Error && !node.Interrupting)
            Error(node, "错误边界事件必须是中断的（cancelActivity 不能为 false）", "an error boundary event must interrupt (cancelActivity cannot be false)");
        // As Camunda 7: one message may be awaited once per activity, or which boundary a delivery reaches is a guess.
        if (node.Trigger == EventTrigger.Message && node.Event?.Name is { } message && node.AttachedTo is { } activity
            && activity.Boundaries.TakeWhile(b => b != node).Any(b => b.Trigger == EventTrigger.Message && b.Event?.Name == message))
            Error(node, $"活动 '{activity.Id}' 上已有等待消息 '{message}' 的边界事件", $"activity '{activity.Id}' already has a boundary event for message '{message}': one message event subscription per name and activity");
    }

    private void ValidateGateway(FlowNode node)
    {
        if (node.Outgoing.Length == 0)
            Error(node, "网关没有出口顺序流", "the gateway has no outgoing sequence flow");
        if (node.Kind == NodeKind.ParallelGateway && node.Outgoing.Any(f => f.Condition is not null))
            Warning(node, "并行网关出口上的条件会被忽略（所有分支都会执行）", "conditions on a parallel gateway's outgoing flows are ignored (every branch runs)");
        // Camunda 7 refuses both at deployment; CoBan warns: dozens of modelling tools' exports draw an
        // unconditional way out beside conditional ones, and CoBan takes the flows in document order.
        if (node.Kind == NodeKind.ExclusiveGateway && node.Outgoing.Length > 1
            && node.Outgoing.Count(f => f.Condition is null && f != node.Default) > 0)
            Warning(node, "排他网关有无条件且非默认的出口：按顺序它总会被选中", "the exclusive gateway has an outgoing flow with no condition that is not the default: in order, it is always taken");
        if (node.Default?.Condition is not null)
            Warning(node, $"默认流 '{node.Default.Id}' 上的条件会被忽略", $"the condition on default flow '{node.Default.Id}' is ignored");
    }

    private void ValidateEventGateway(FlowNode node)
    {
        if (node.Outgoing.Length < 2)
            Error(node, "事件网关至少需要两个出口", "an event-based gateway needs at least two outgoing flows");
        foreach (var flow in node.Outgoing)
        {
            var target = flow.Target;
            var ok = (target.Kind == NodeKind.IntermediateCatchEvent && target.Trigger is EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal)
                     || target is { Kind: NodeKind.ReceiveTask, Event.Name: not null };
            if (!ok)
                Error(node, $"事件网关的出口 '{target.Id}' 必须是定时、消息或信号中间捕获事件或接收任务",
                    $"the event-based gateway's target '{target.Id}' must be a timer, message or signal catch event or a receive task");
            else if (target.Incoming.Length != 1)
                Error(target, "事件网关之后的事件只能有一个进入的顺序流", "an event after an event-based gateway may have only one incoming flow");
            else
                target.IsEventGatewayTarget = true;
        }
    }

    private void CheckReachable(FlowNode node, bool scopeHasStart)
    {
        if (scopeHasStart && node.Incoming.Length == 0 && !_besideRefused.Contains(node) && node.Trigger != EventTrigger.Link && !node.IsForCompensation)
            Warning(node, "该元素没有进入的顺序流，永远不会被执行", "the element has no incoming sequence flow and will never run");
    }

    /// <summary>
    /// For each inclusive gateway, mark the nodes of its level from which a token could still reach it
    /// (backwards over sequence flows; a boundary event is reachable from its activity). The join
    /// fires when no token remains on such a node (BPMN 2.0 §13.3.2, inclusive gateway activation).
    /// </summary>
    private void ComputeInclusiveReachability()
    {
        foreach (var gateway in _nodes.Where(n => n.Kind == NodeKind.InclusiveGateway && n.Incoming.Length > 1))
        {
            var reach = new bool[_nodes.Count];
            var stack = new Stack<FlowNode>(gateway.Incoming.Select(f => f.Source));
            while (stack.TryPop(out var n))
            {
                if (reach[n.Index]) continue;
                reach[n.Index] = true;
                foreach (var f in n.Incoming) stack.Push(f.Source);
                if (n.AttachedTo is { } activity) stack.Push(activity);
            }
            gateway.ReachableFrom = reach;
        }
    }

    private static string TriggerZh(EventTrigger trigger) => trigger switch
    {
        EventTrigger.None => "空",
        EventTrigger.Timer => "定时",
        EventTrigger.Message => "消息",
        EventTrigger.Signal => "信号",
        EventTrigger.Error => "错误",
        EventTrigger.Escalation => "升级",
        EventTrigger.Terminate => "终止",
        EventTrigger.Link => "链接",
        EventTrigger.Conditional => "条件",
        EventTrigger.Compensation => "补偿",
        EventTrigger.Cancel => "取消",
        _ => trigger.ToString(),
    };
}
