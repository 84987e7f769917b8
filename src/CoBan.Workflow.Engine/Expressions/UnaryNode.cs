namespace CoBan.Workflow.Engine.Expressions;

internal enum UnaryOp { Negate, Not, Empty }

/// <summary><c>-x</c>, <c>!x</c> / <c>not x</c>, and <c>empty x</c>.</summary>
internal sealed class UnaryNode(int position, UnaryOp op, Node operand) : Node(position, HeightOf(operand))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        var value = operand.Evaluate(ref scope);
        switch (op)
        {
            case UnaryOp.Not:
                return value is bool b ? Boxed.Bool(!b) : throw Errors.NotBoolean("!", value, Position);
            case UnaryOp.Empty:
                return Boxed.Bool(IsEmpty(value));
            default:
                return value switch
                {
                    long l when l != long.MinValue => (object)(-l),
                    double d => (object)(-d),
                    long => throw Errors.Overflow(Position),
                    _ => throw Errors.Operand("-", value, Position),
                };
        }
    }

    /// <summary>JUEL's <c>empty</c>: null, "", and empty lists and maps; every other value is not empty.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyDictionary<string, object?> map => map.Count == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        _ => false,
    };

    public override void CollectVariables(List<string> names) => operand.CollectVariables(names);
}
