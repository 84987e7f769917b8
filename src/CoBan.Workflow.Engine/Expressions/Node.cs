namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// A node of the compiled syntax tree. Nodes are immutable once the parser returns, so one compiled
/// <see cref="Expression"/> can be evaluated by many threads at once.
/// </summary>
internal abstract class Node(int position, int height = 1)
{
    /// <summary>Offset in the expression text that errors from this node point at.</summary>
    public int Position { get; } = position;

    /// <summary>Height of the subtree; the parser refuses trees taller than <see cref="ExpressionLimits.MaxTreeHeight"/>.</summary>
    public int Height { get; } = height;

    public abstract object? Evaluate(ref EvalScope scope);

    /// <summary>Adds the root variable names this subtree reads, for <see cref="Expression.Variables"/>.</summary>
    public virtual void CollectVariables(List<string> names)
    {
    }

    protected static int HeightOf(params ReadOnlySpan<Node> children)
    {
        var max = 0;
        foreach (var child in children)
            max = Math.Max(max, child.Height);
        return max + 1;
    }

    protected static void AddName(List<string> names, string name)
    {
        if (!names.Contains(name))
            names.Add(name);
    }
}
