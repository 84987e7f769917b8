namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// A left-associative chain of operators of one precedence level, e.g. <c>a + b - c</c>, kept flat so
/// that a long sum does not make a deep tree (and a deep recursion when evaluated).
/// </summary>
internal sealed class ChainNode(Node first, ChainNode.Link[] links)
    : Node(first.Position, HeightOf([first, .. links.Select(l => l.Operand)]))
{
    public readonly record struct Link(BinaryOp Op, int Position, Node Operand);

    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        var value = first.Evaluate(ref scope);
        foreach (var link in links)
            value = BinaryOps.Apply(link.Op, value, link.Operand.Evaluate(ref scope), ref scope, link.Position);
        return value;
    }

    public override void CollectVariables(List<string> names)
    {
        first.CollectVariables(names);
        foreach (var link in links)
            link.Operand.CollectVariables(names);
    }
}
