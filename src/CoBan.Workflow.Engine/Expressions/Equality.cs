namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Equality and ordering. Equality never fails: different kinds are simply unequal (except that
/// integer 1 equals decimal 1.0). Ordering is only defined within numbers, strings (ordinal) and
/// date-times; anything else, null included, is an error naming both kinds rather than a silent false.
/// </summary>
internal static class Equality
{
    public static bool AreEqual(object? left, object? right, ref EvalScope scope, int position) =>
        AreEqual(left, right, ref scope, position, 0);

    public static int Compare(object? left, object? right, int position) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long or double, long or double) => Arithmetic.ToDouble(left).CompareTo(Arithmetic.ToDouble(right)),
        (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        _ => throw Errors.Compare(left, right, position),
    };

    private static bool AreEqual(object? left, object? right, ref EvalScope scope, int position, int depth)
    {
        switch (left, right)
        {
            case (null, null): return true;
            case (null, _) or (_, null): return false;
            case (long a, long b): return a == b;
            case (long or double, long or double): return Arithmetic.ToDouble(left) == Arithmetic.ToDouble(right);
            case (string a, string b): return string.Equals(a, b, StringComparison.Ordinal);
            case (bool a, bool b): return a == b;
            case (DateTimeOffset a, DateTimeOffset b): return a == b;
            case (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b):
                return MapsEqual(a, b, ref scope, position, depth);
            case (IReadOnlyList<object?> a, IReadOnlyList<object?> b):
                return ListsEqual(a, b, ref scope, position, depth);
            default: return false;
        }
    }

    private static bool ListsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b, ref EvalScope scope, int position, int depth)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.Count != b.Count)
            return false;
        Descend(ref scope, position, depth, a.Count);
        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(Read(a[i]), Read(b[i]), ref scope, position, depth + 1))
                return false;
        }
        return true;
    }

    private static bool MapsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b, ref EvalScope scope, int position, int depth)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.Count != b.Count)
            return false;
        Descend(ref scope, position, depth, a.Count);
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !AreEqual(Read(value), Read(other), ref scope, position, depth + 1))
                return false;
        }
        return true;
    }

    private static void Descend(ref EvalScope scope, int position, int depth, int count)
    {
        if (depth >= ExpressionLimits.MaxDepth)
            throw Errors.TooDeep(position);
        scope.Charge(count, position);
    }

    // Elements of host-built containers may be ints or decimals; compare them as the model would.
    private static object? Read(object? value) => Values.TryRead(value, out var read) ? read : value;
}
