namespace CoBan.Workflow.Engine.Expressions;

/// <summary>A list literal <c>['a', 'b', 3]</c>; builds a fresh list each time so callers may keep it.</summary>
internal sealed class ListNode(int position, Node[] items) : Node(position, HeightOf(items))
{
    public override object? Evaluate(ref EvalScope scope)
    {
        scope.Charge(1, Position);
        var list = new List<object?>(items.Length);
        foreach (var item in items)
            list.Add(item.Evaluate(ref scope));
        return list;
    }

    public override void CollectVariables(List<string> names)
    {
        foreach (var item in items)
            item.CollectVariables(names);
    }
}
