namespace CoBan.Workflow.Engine.Expressions;

/// <summary>One step of a path: <c>.name</c> or <c>[index]</c>.</summary>
internal readonly record struct PathSegment(int Position, string? Name, Node? Index)
{
    /// <summary>
    /// Applies the segments from <paramref name="start"/> on. As in JUEL, a null base yields null
    /// (<c>a.b</c> with a null <c>a</c> is null), and so do a missing map key and an index out of range.
    /// </summary>
    public static object? Walk(object? value, PathSegment[] segments, int start, ref EvalScope scope)
    {
        for (var i = start; i < segments.Length && value is not null; i++)
            value = segments[i].Apply(value, ref scope);
        return value;
    }

    private object? Apply(object value, ref EvalScope scope)
    {
        scope.Charge(1, Position);
        if (Name is not null)
        {
            return value is IReadOnlyDictionary<string, object?> map
                ? Read(map.TryGetValue(Name, out var v) ? v : null)
                : throw Errors.Property(Name, value, Position);
        }
        var index = Index!.Evaluate(ref scope);
        switch (value, index)
        {
            case (IReadOnlyDictionary<string, object?> map, string key):
                return Read(map.TryGetValue(key, out var v) ? v : null);
            case (IReadOnlyList<object?> list, long i):
                return i >= 0 && i < list.Count ? Read(list[(int)i]) : null;
            case (IReadOnlyList<object?> list, double d) when d == Math.Floor(d):
                return d >= 0 && d < list.Count ? Read(list[(int)d]) : null;
            default:
                throw Errors.Index(value, index, Position);
        }
    }

    private object? Read(object? value) =>
        Values.TryRead(value, out var read) ? read : throw Errors.UnsupportedValue(Name ?? "[]", value, Position);
}
