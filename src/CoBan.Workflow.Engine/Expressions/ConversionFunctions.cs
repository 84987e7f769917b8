using System.Globalization;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>string(x), number(x), int(x): explicit conversions, since operators never convert silently.</summary>
internal static class ConversionFunctions
{
    public static object? String(in Call call, ref EvalScope scope) => TextFormat.Format(call[0], ref scope, call.Position);

    /// <summary>A number as is; text parsed invariantly ("12" is an integer, "1.5" a decimal).</summary>
    public static object? Number(in Call call, ref EvalScope scope) => call[0] switch
    {
        long or double => call[0],
        string s => Parse(s, call.PositionOf(0)),
        _ => throw call.Wrong(0, "数值或数字文本", "a number or numeric string"),
    };

    /// <summary>Truncates toward zero, like a cast in Java.</summary>
    public static object? Int(in Call call, ref EvalScope scope)
    {
        var number = Number(call, ref scope);
        if (number is long)
            return number;
        var d = Math.Truncate((double)number!);
        return Math.Abs(d) < 9.2e18 ? (long)d : throw Errors.Overflow(call.Position);
    }

    private static object Parse(string text, int position)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return l;
        if (double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return d;
        throw Errors.NotANumber(text, position);
    }
}
