// TEMPORARY stub until the expression language lands (branch h-expr). Deleted at merge.
namespace CoBan.Workflow.Engine.Expressions;

public interface IExpressionContext
{
    bool TryGetVariable(string name, out object? value);
    DateTimeOffset Now { get; }
    CoBan.Workflow.Engine.IWorkingDays? WorkingDays { get; }
}

public sealed class ExpressionException(string zh, string en, int position = -1) : Exception($"{zh} / {en}")
{
    public string MessageZh { get; } = zh;
    public string MessageEn { get; } = en;
    public int Position { get; } = position;
}

public sealed class Expression
{
    private Expression(string text) { Text = text; }
    public string Text { get; }
    public bool IsConstant => !Text.Contains("${") && !Text.Contains("#{");
    public IReadOnlyCollection<string> Variables => [];
    public static Expression Parse(string text) => new(text);
    public static bool TryParse(string text, out Expression? expression, out ExpressionException? error)
    { expression = new(text); error = null; return true; }
    public object? Evaluate(IExpressionContext context)
    {
        if (IsConstant) return Text;
        var body = Text.Trim()[2..^1].Trim();
        foreach (var prefix in new[] { "environment.variables.", "variables." })
            if (body.StartsWith(prefix)) body = body[prefix.Length..];
        if (body is "true") return true;
        if (body is "false") return false;
        return context.TryGetVariable(body, out var v) ? v : throw new ExpressionException("未知变量 " + body, "unknown variable " + body);
    }
    public bool EvaluateCondition(IExpressionContext context) => Evaluate(context) is true;
}

public static class Values
{
    public static object? Normalize(object? v) => v switch
    {
        int i => (long)i,
        decimal d => (double)d,
        float f => (double)f,
        _ => v,
    };
    public static string Describe(object? v) => v?.GetType().Name ?? "null";
}
