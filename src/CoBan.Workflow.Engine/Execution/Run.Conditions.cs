using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Conditional events (intermediate catch, boundary, event sub-process start): their condition is
/// checked whenever a step has run (variables can only change in a step), and the event happens once
/// it holds. A non-interrupting one fires when its condition becomes true, not again until it has
/// been false in between. A condition that cannot be computed yet (a variable not set) does not hold.
/// </summary>
internal sealed partial class Run
{
    /// <summary>True when a conditional event happened (the agenda has work again).</summary>
    private bool FireConditions()
    {
        for (var i = 0; i < _s.Executions.Count; i++)
        {
            var exec = _s.Executions[i];
            if (exec.Waits is not { } waits) continue;
            for (var j = 0; j < waits.Count; j++)
            {
                var wait = waits[j];
                if (wait.Kind != WaitKind.Condition) continue;
                var node = _def.Node(wait.ElementId);
                var holds = Holds(exec, node.Event?.Condition);
                var repeats = !node.Interrupting; // a non-interrupting boundary or event sub-process start
                if (!holds)
                {
                    if (wait.Fired != 0) waits[j] = wait with { Fired = 0 };
                    continue;
                }
                if (repeats)
                {
                    if (wait.Fired != 0) continue;
                    waits[j] = wait = wait with { Fired = 1 };
                }
                Occur(exec, wait);
                return true;
            }
        }
        return false;
    }

    private bool Holds(Execution exec, Expression? condition)
    {
        if (condition is null) return false;
        try
        {
            return condition.EvaluateCondition(Context(exec));
        }
        catch (Exception e) when (IsTimeOrExpressionFault(e))
        {
            return false;
        }
    }
}
