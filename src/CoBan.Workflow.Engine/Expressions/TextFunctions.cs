namespace CoBan.Workflow.Engine.Expressions;

/// <summary>lower, upper, trim, startsWith, endsWith: culture-independent, so results never depend on the server's locale.</summary>
internal static class TextFunctions
{
    public static object? Lower(in Call call, ref EvalScope scope) => Charged(call.Text(0), ref scope, call.Position).ToLowerInvariant();

    public static object? Upper(in Call call, ref EvalScope scope) => Charged(call.Text(0), ref scope, call.Position).ToUpperInvariant();

    /// <summary>Also removes the full-width space (U+3000) that Chinese input methods type.</summary>
    public static object? Trim(in Call call, ref EvalScope scope) => Charged(call.Text(0), ref scope, call.Position).Trim();

    public static object? StartsWith(in Call call, ref EvalScope scope) =>
        Boxed.Bool(call.Text(0).StartsWith(call.Text(1), StringComparison.Ordinal));

    public static object? EndsWith(in Call call, ref EvalScope scope) =>
        Boxed.Bool(call.Text(0).EndsWith(call.Text(1), StringComparison.Ordinal));

    private static string Charged(string text, ref EvalScope scope, int position)
    {
        scope.Charge(text.Length >> 10, position);
        return text;
    }
}
