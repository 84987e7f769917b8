using CoBan.Workflow.Engine.Expressions;

namespace CoBan.Workflow.Engine.Tests.Expressions;

/// <summary>A dictionary of variables with a fixed clock: the context the tests evaluate in.</summary>
internal sealed class Vars : Dictionary<string, object?>, IExpressionContext
{
    public DateTimeOffset Now { get; set; } = new(2026, 9, 30, 15, 30, 0, TimeSpan.FromHours(8));

    public IWorkingDays? WorkingDays { get; set; }

    public bool TryGetVariable(string name, out object? value) => TryGetValue(name, out value);
}

internal static class Kit
{
    public static object? Eval(string text, Vars? vars = null) => Expression.Parse(text).Evaluate(vars ?? new Vars());

    public static bool Condition(string text, Vars? vars = null) => Expression.Parse(text).EvaluateCondition(vars ?? new Vars());

    /// <summary>The error of parsing or evaluating, which must be an ExpressionException.</summary>
    public static ExpressionException Fails(string text, Vars? vars = null) =>
        Should.Throw<ExpressionException>(() => Expression.Parse(text).Evaluate(vars ?? new Vars()));

    public static ExpressionException FailsToParse(string text) => Should.Throw<ExpressionException>(() => Expression.Parse(text));

    public static List<object?> List(params object?[] items) => [.. items];

    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
