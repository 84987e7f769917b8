namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// A flat chain <c>a &amp;&amp; b &amp;&amp; c</c> (or <c>||</c>), short-circuiting. Kept flat rather than
/// nested so a long list of alternatives does not deepen the tree.
/// </summary>
internal sealed class LogicNode(bool isAnd, Node[] operands) : Node(operands[0].Position, HeightOf(operands))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        foreach (var operand in operands)
        {
            var value = operand.Evaluate(ref scope);
            if (value is not bool b)
                throw Errors.NotBoolean(isAnd ? "&&" : "||", value, operand.Position);
            if (b != isAnd)
                return Boxed.Bool(b);
        }
        return Boxed.Bool(isAnd);
    }

    public override void CollectVariables(List<string> names)
    {
        foreach (var operand in operands)
            operand.CollectVariables(names);
    }
}
