using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Standard loops (BPMN 2.0 §10.2.8): the activity runs again while loopCondition holds, checked
/// after each run (or before the first too, with testBefore), at most loopMaximum times. The
/// execution keeps loopCounter as a local while it loops.
/// </summary>
internal sealed partial class Run
{

    /// <summary>False when a testBefore loop does not run at all: the token has moved on.</summary>
    private bool StartStandardLoop(Execution exec, FlowNode node, StandardLoopSpec loop)
    {
        (exec.Locals ??= new(StringComparer.Ordinal))[LoopCounter] = 0L;
        if (!loop.TestBefore) return true;
        if (!LoopHolds(exec, node, loop, out var holds)) return false;
        if (holds) return true;
        EndLoop(exec, node);
        return false;
    }

    /// <summary>After a run: true when the activity runs again.</summary>
    private bool LoopAgain(Execution exec, FlowNode node, StandardLoopSpec loop)
    {
        var counter = (exec.Locals?.GetValueOrDefault(LoopCounter) as long? ?? 0) + 1;
        (exec.Locals ??= new(StringComparer.Ordinal))[LoopCounter] = counter;
        if (loop.Maximum is { } max && counter >= max)
        {
            exec.Locals.Remove(LoopCounter);
            return false;
        }
        if (!LoopHolds(exec, node, loop, out var holds)) return true; // an incident: the token stays at the activity
        if (!holds)
        {
            exec.Locals.Remove(LoopCounter);
            return false;
        }
        Trace.Add(new(TraceKind.Left, node.Id));
        Enqueue(exec, node, StepKind.EnterInstance);
        return true;
    }

    private bool LoopHolds(Execution exec, FlowNode node, StandardLoopSpec loop, out bool holds)
    {
        holds = true;
        if (loop.Condition is null) return true;
        try
        {
            holds = loop.Condition.EvaluateCondition(Context(exec));
            return true;
        }
        catch (ExpressionException e)
        {
            RaiseIncident(exec, $"'{node.Id}' 的循环条件无法计算：{e.MessageZh}", $"the loop condition of '{node.Id}' failed: {e.MessageEn}");
            return false;
        }
    }

    /// <summary>A testBefore loop whose condition fails at once: the activity is passed over.</summary>
    private void EndLoop(Execution exec, FlowNode node)
    {
        exec.Locals!.Remove(LoopCounter);
        if (exec.Locals.Count == 0) exec.Locals = null;
        Leave(exec, node);
    }
}
