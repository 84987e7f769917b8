namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Hard limits that keep a hostile or careless model from hurting the engine: expressions come from
/// BPMN files edited by process owners, so parsing and evaluation must stay cheap and bounded.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>Longest accepted expression text, in characters.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Deepest nesting of brackets, unary operators, ternaries and calls.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Highest syntax tree accepted; bounds the evaluator's recursion. Operator chains and dotted paths
    /// are flat, so only real nesting (and method chains such as <c>x.trim().trim()</c>) grows the tree.
    /// </summary>
    public const int MaxTreeHeight = 256;

    /// <summary>Evaluation steps per evaluation; collection work is charged per element.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Longest string an evaluation may build (1 Mi characters).</summary>
    public const int MaxStringLength = 1 << 20;
}
