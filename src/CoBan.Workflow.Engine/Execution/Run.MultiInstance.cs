using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Multi-instance activities: the token becomes the body (holding nrOfInstances,
/// nrOfActiveInstances, nrOfCompletedInstances); each instance is a child execution with its own
/// loopCounter and element variable. Boundary events attach to the body.
/// </summary>
internal sealed partial class Run
{
    private const string NrOfInstances = "nrOfInstances";
    private const string NrOfActive = "nrOfActiveInstances";
    private const string NrOfCompleted = "nrOfCompletedInstances";
    private const string LoopCounter = "loopCounter";

    private void StartMultiInstance(Execution body, FlowNode node)
    {
        long count;
        try
        {
            count = InstanceCount(body, node.Loop!);
        }
        catch (Exception e) when (e is ExpressionException or FormatException or InvalidCastException)
        {
            RaiseIncident(body, $"多实例的实例数或集合无法计算：{Zh(e)}", $"the multi-instance count or collection failed: {En(e)}");
            return;
        }
        body.State = ExecutionState.MultiInstance;
        body.Locals = new(StringComparer.Ordinal) { [NrOfInstances] = count, [NrOfActive] = 0L, [NrOfCompleted] = 0L };
        AttachBoundaries(body, node);
        if (!_s.Executions.Contains(body) || body.State == ExecutionState.Incident) return; // a retry re-enters the body
        if (count == 0)
        {
            body.Locals = null;
            Leave(body, node);
            return;
        }
        var first = node.Loop!.Sequential ? 1 : count;
        body.Locals[NrOfActive] = first;
        for (var i = 0; i < first; i++) StartInstance(body, node, i);
    }

    private long InstanceCount(Execution exec, LoopSpec loop)
    {
        if (loop.Collection is not null) return Items(exec, loop).Count;
        var value = loop.Cardinality!.Evaluate(Context(exec));
        var count = value switch
        {
            long l => l,
            double d when d == Math.Floor(d) => (long)d,
            string s when long.TryParse(s, out var parsed) => parsed,
            _ => throw new FormatException($"loopCardinality must be a whole number, got {Values.Describe(value)}"),
        };
        if (count is < 0 or > 10_000) throw new FormatException($"loopCardinality {count} is outside 0..10000");
        return count;
    }

    private IReadOnlyList<object?> Items(Execution exec, LoopSpec loop) =>
        loop.Collection!.Evaluate(Context(exec)) switch
        {
            IReadOnlyList<object?> list => list,
            null => throw new FormatException("the multi-instance collection is null"),
            var other => throw new FormatException($"the multi-instance collection must be a list, got {Values.Describe(other)}"),
        };

    private void StartInstance(Execution body, FlowNode node, long index)
    {
        var locals = new Dictionary<string, object?>(StringComparer.Ordinal) { [LoopCounter] = index };
        if (node.Loop!.Collection is not null && node.Loop.ElementVariable is { } name)
            locals[name] = Items(body, node.Loop)[(int)index];
        var instance = NewExecution(body.Id, node.Id, locals);
        Enqueue(instance, node, StepKind.EnterInstance);
    }

    private bool IsInstanceOf(Execution exec, FlowNode node) =>
        exec.Parent != 0 && exec.ElementId == node.Id && _s.FindExecution(exec.Parent) is { State: ExecutionState.MultiInstance } body && body.ElementId == node.Id;

    private void CompleteInstance(Execution instance, FlowNode node)
    {
        var body = _s.FindExecution(instance.Parent)!;
        var locals = body.Locals!;
        locals[NrOfCompleted] = (long)locals[NrOfCompleted]! + 1;
        locals[NrOfActive] = (long)locals[NrOfActive]! - 1;
        var done = false;
        if (node.Loop!.CompletionCondition is { } condition)
        {
            try
            {
                done = condition.EvaluateCondition(Context(instance));
            }
            catch (ExpressionException e)
            {
                _s.Executions.Remove(instance);
                RaiseIncident(body, $"多实例完成条件无法计算：{e.MessageZh}", $"the multi-instance completion condition failed: {e.MessageEn}");
                return;
            }
        }
        _s.Executions.Remove(instance);
        var completed = (long)locals[NrOfCompleted]!;
        var total = (long)locals[NrOfInstances]!;
        if (done)
        {
            foreach (var other in _s.Executions.Where(e => e.Parent == body.Id && !IsCompensationListener(e)).ToList()) CancelTree(other);
        }
        else if (node.Loop.Sequential && completed < total)
        {
            locals[NrOfActive] = 1L;
            try
            {
                StartInstance(body, node, completed);
            }
            catch (Exception e) when (e is ExpressionException or FormatException or ArgumentOutOfRangeException)
            {
                RaiseIncident(body, $"多实例集合无法计算：{Zh(e)}", $"the multi-instance collection failed: {En(e)}");
            }
            return;
        }
        if (!done && (long)locals[NrOfActive]! > 0) return;
        body.Locals = null;
        body.State = ExecutionState.Active;
        PromoteCompensation(body, node, dropWhenOwnHandler: false);
        Leave(body, node);
    }
}
