namespace CoBan.Workflow.Engine.Expressions;

/// <summary><c>condition ? whenTrue : whenFalse</c>; only the chosen branch is evaluated.</summary>
internal sealed class TernaryNode(int position, Node condition, Node whenTrue, Node whenFalse)
    : Node(position, HeightOf(condition, whenTrue, whenFalse))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        return condition.Evaluate(ref scope) switch
        {
            true => whenTrue.Evaluate(ref scope),
            false => whenFalse.Evaluate(ref scope),
            var other => throw Errors.NotBoolean("?:", other, condition.Position),
        };
    }

    public override void CollectVariables(List<string> names)
    {
        condition.CollectVariables(names);
        whenTrue.CollectVariables(names);
        whenFalse.CollectVariables(names);
    }
}
