namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// size, contains, isEmpty and equals. They treat null as empty (size 0, contains nothing), the way
/// <c>empty</c> does, because an unset optional list is the common case, not a mistake.
/// </summary>
internal static class CollectionFunctions
{
    public static object? Size(in Call call, ref EvalScope scope) => call[0] switch
    {
        null => 0L,
        string s => (long)s.Length,
        IReadOnlyDictionary<string, object?> map => (long)map.Count,
        IReadOnlyList<object?> list => (long)list.Count,
        _ => throw call.Wrong(0, "文本、列表或映射", "a string, list or map"),
    };

    public static object? IsEmpty(in Call call, ref EvalScope scope) => Boxed.Bool(UnaryNode.IsEmpty(call[0]));

    public static object? EqualsValue(in Call call, ref EvalScope scope) =>
        Boxed.Bool(Equality.AreEqual(call[0], call[1], ref scope, call.Position));

    public static object? Contains(in Call call, ref EvalScope scope)
    {
        switch (call[0])
        {
            case null:
                return Boxed.False;
            case string s:
                scope.Charge(s.Length >> 10, call.Position);
                return Boxed.Bool(s.Contains(call.Text(1), StringComparison.Ordinal));
            case IReadOnlyDictionary<string, object?> map:
                return Boxed.Bool(map.ContainsKey(call.Text(1)));
            case IReadOnlyList<object?> list:
                scope.Charge(list.Count, call.Position);
                var item = call[1];
                foreach (var element in list)
                {
                    var read = Values.TryRead(element, out var normalized) ? normalized : element;
                    if (Equality.AreEqual(read, item, ref scope, call.Position))
                        return Boxed.True;
                }
                return Boxed.False;
            default:
                throw call.Wrong(0, "文本、列表或映射", "a string, list or map");
        }
    }
}
