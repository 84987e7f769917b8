using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// Process-level conditional start events, as Camunda 7's condition evaluation: given variables (set by
/// the host when they change, or sent to it), the start events whose condition holds on them; each
/// starts a new instance with <c>Start(variables, startEventId)</c>. A condition that cannot be computed
/// on them (a variable missing) does not hold.
/// </summary>
public static class StartConditions
{
    public static IReadOnlyList<FlowNode> Holding(ProcessDefinition definition, Vars? variables, DateTimeOffset now, EngineOptions? options = null)
    {
        List<FlowNode>? holding = null;
        var context = new Run.MapContext(variables ?? new Dictionary<string, object?>(), now, (options ?? EngineOptions.Default).Calendar);
        foreach (var start in definition.ConditionalStarts)
        {
            if (start.Event?.Condition is not { } condition) continue;
            // camunda:variableName: only when one of the named variables is among those given.
            if (start.Event.VariableNames.Length > 0 && (variables is null || !start.Event.VariableNames.Any(variables.ContainsKey))) continue;
            bool holds;
            try
            {
                holds = condition.EvaluateCondition(context);
            }
            catch (ExpressionException)
            {
                holds = false;
            }
            if (holds) (holding ??= []).Add(start);
        }
        return holding ?? (IReadOnlyList<FlowNode>)[];
    }
}
