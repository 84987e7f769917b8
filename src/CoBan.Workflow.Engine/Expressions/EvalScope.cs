namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Per-evaluation state, passed by reference down the tree: a struct on the caller's stack, so a
/// compiled expression stays immutable and evaluating it allocates nothing of its own.
/// </summary>
internal struct EvalScope(IExpressionContext? context, int steps)
{
    public readonly IExpressionContext? Context = context;

    public int StepsLeft = steps;

    public void Charge(int cost, int position)
    {
        StepsLeft -= cost;
        if (StepsLeft < 0)
            throw Errors.TooCostly(position);
    }

    /// <summary>Only <see cref="Values.ToText"/> runs without a context, and it reads no variables.</summary>
    public readonly IExpressionContext RequireContext(int position) =>
        Context ?? throw new ExpressionException("此处无法读取变量", "variables cannot be read here", position);
}
