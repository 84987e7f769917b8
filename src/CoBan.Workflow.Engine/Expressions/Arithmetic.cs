namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// <c>+ - * / %</c>. Integers stay integers (overflow is an error, not a wrap-around), except that
/// <c>/</c> always divides as decimals, as in JUEL, so <c>7 / 2</c> is 3.5. Results are always finite:
/// infinities cannot be stored as variables.
/// </summary>
internal static class Arithmetic
{
    public static object? Apply(BinaryOp op, object? left, object? right, ref EvalScope scope, int position)
    {
        if (op == BinaryOp.Add && (left is string || right is string))
            return Concatenate(left, right, ref scope, position);
        if (left is long a && right is long b)
            return Integers(op, a, b, position);
        if (left is long or double && right is long or double)
            return Decimals(op, ToDouble(left), ToDouble(right), position);
        throw Errors.Operands(op.Symbol(), left, right, position);
    }

    public static double ToDouble(object? number) => number is long l ? l : (double)number!;

    private static object Integers(BinaryOp op, long a, long b, int position)
    {
        try
        {
            return op switch
            {
                BinaryOp.Add => checked(a + b),
                BinaryOp.Subtract => checked(a - b),
                BinaryOp.Multiply => checked(a * b),
                BinaryOp.Divide => Decimals(op, a, b, position),
                _ => b == 0 ? throw Errors.DivisionByZero(position) : b == -1 ? 0L : a % b, // long.MinValue % -1 throws in .NET
            };
        }
        catch (OverflowException)
        {
            throw Errors.Overflow(position);
        }
    }

    private static object Decimals(BinaryOp op, double a, double b, int position)
    {
        if (op is BinaryOp.Divide or BinaryOp.Modulo && b == 0)
            throw Errors.DivisionByZero(position);
        var result = op switch
        {
            BinaryOp.Add => a + b,
            BinaryOp.Subtract => a - b,
            BinaryOp.Multiply => a * b,
            BinaryOp.Divide => a / b,
            _ => a % b,
        };
        return double.IsFinite(result) ? result : throw Errors.Overflow(position);
    }

    private static string Concatenate(object? left, object? right, ref EvalScope scope, int position)
    {
        var l = TextFormat.Format(left, ref scope, position);
        var r = TextFormat.Format(right, ref scope, position);
        // Checked before allocating, and charged by size, so s+s+s... cannot blow up memory or time.
        if (l.Length + r.Length > ExpressionLimits.MaxStringLength)
            throw Errors.StringTooLong(position);
        scope.Charge((l.Length + r.Length) >> 10, position);
        return string.Concat(l, r);
    }
}
