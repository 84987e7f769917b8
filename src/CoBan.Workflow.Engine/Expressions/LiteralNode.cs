namespace CoBan.Workflow.Engine.Expressions;

/// <summary>A literal, or a literal text part of an interpolated expression.</summary>
internal sealed class LiteralNode(int position, object? value) : Node(position)
{
    public object? Value { get; } = value;

    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        return Value;
    }
}
