namespace CoBan.Workflow.Engine.Expressions;

internal enum BinaryOp
{
    Add, Subtract, Multiply, Divide, Modulo,
    Less, Greater, LessOrEqual, GreaterOrEqual,
    Equal, NotEqual,
}

internal static class BinaryOps
{
    public static string Symbol(this BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Modulo => "%",
        BinaryOp.Less => "<",
        BinaryOp.Greater => ">",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.Equal => "==",
        _ => "!=",
    };

    public static object? Apply(BinaryOp op, object? left, object? right, ref EvalScope scope, int position) => op switch
    {
        BinaryOp.Equal => Boxed.Bool(Equality.AreEqual(left, right, ref scope, position)),
        BinaryOp.NotEqual => Boxed.Bool(!Equality.AreEqual(left, right, ref scope, position)),
        BinaryOp.Less => Boxed.Bool(Equality.Compare(left, right, position) < 0),
        BinaryOp.Greater => Boxed.Bool(Equality.Compare(left, right, position) > 0),
        BinaryOp.LessOrEqual => Boxed.Bool(Equality.Compare(left, right, position) <= 0),
        BinaryOp.GreaterOrEqual => Boxed.Bool(Equality.Compare(left, right, position) >= 0),
        _ => Arithmetic.Apply(op, left, right, ref scope, position),
    };
}
