using System.Diagnostics.CodeAnalysis;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// A compiled expression: text with <c>${...}</c> or <c>#{...}</c> bodies (docs/expressions.md).
/// Parse once, evaluate many times, from any number of threads: the compiled tree is immutable and
/// evaluation state lives on the caller's stack.
/// </summary>
public sealed class Expression
{
    private readonly Node _root;

    private Expression(string text, Node root, bool isConstant)
    {
        Text = text;
        _root = root;
        IsConstant = isConstant;
        var names = new List<string>();
        root.CollectVariables(names);
        Variables = names.AsReadOnly();
        ServiceName = root is DialectPathNode { IsService: true } service ? service.Name : null;
    }

    public string Text { get; }

    /// <summary>True for plain text without any body; its value is the text itself.</summary>
    public bool IsConstant { get; }

    /// <summary>
    /// Root variable names the expression reads, in order of appearance: <c>a</c> for <c>a.b[0]</c>,
    /// <c>x</c> for <c>environment.variables.x</c>, <c>variables.x</c> and <c>execution.getVariable('x')</c>.
    /// </summary>
    public IReadOnlyCollection<string> Variables { get; }

    /// <summary>
    /// For the bpmn-engine service forms <c>${environment.services.fn}</c> and <c>${services.fn}</c>:
    /// the service name <c>fn</c>; null for any other expression.
    /// </summary>
    public string? ServiceName { get; }

    /// <exception cref="ExpressionException">The text is not a valid expression.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, isConstant) = Template.Compile(text);
        return new Expression(text, root, isConstant);
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ExpressionException? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (ExpressionException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>The value, in the value model (docs/values.md).</summary>
    /// <exception cref="ExpressionException">Evaluation failed (unknown variable, type error, limits...).</exception>
    public object? Evaluate(IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = new EvalScope(context, ExpressionLimits.MaxSteps);
        return _root.Evaluate(ref scope);
    }

    /// <summary>Evaluates a gateway or flow condition, which must yield a boolean: null is an error, not false.</summary>
    public bool EvaluateCondition(IExpressionContext context)
    {
        var value = Evaluate(context);
        return value is bool b ? b : throw Errors.Condition(value, IsConstant);
    }

    public override string ToString() => Text;
}
