using System.Globalization;
using System.Text;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Turns values into text for interpolation, concatenation and <c>string(x)</c>, charging the
/// evaluation budget and refusing results over <see cref="ExpressionLimits.MaxStringLength"/>.
/// </summary>
internal static class TextFormat
{
    public static string Format(object? value, ref EvalScope scope, int position)
    {
        if (value is null or string or bool or long or double or DateTimeOffset)
            return FormatScalar(value);
        var builder = new StringBuilder();
        Append(builder, value, ref scope, position, 0);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, object? value, ref EvalScope scope, int position, int depth)
    {
        // Host values outside the model are normalized first; the rare leftover prints its own text.
        if (!Values.TryRead(value, out var read))
            read = value?.ToString() ?? "";
        switch (read)
        {
            case IReadOnlyDictionary<string, object?> map:
                Nest(ref scope, position, depth, map.Count);
                Add(builder, "{", position);
                var first = true;
                foreach (var (key, item) in map)
                {
                    Add(builder, first ? key : ", " + key, position);
                    Add(builder, "=", position);
                    Append(builder, item, ref scope, position, depth + 1);
                    first = false;
                }
                Add(builder, "}", position);
                break;
            case IReadOnlyList<object?> list:
                Nest(ref scope, position, depth, list.Count);
                Add(builder, "[", position);
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                        Add(builder, ", ", position);
                    Append(builder, list[i], ref scope, position, depth + 1);
                }
                Add(builder, "]", position);
                break;
            default:
                var text = FormatScalar(read);
                scope.Charge(text.Length >> 10, position);
                Add(builder, text, position);
                break;
        }
    }

    private static string FormatScalar(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        DateTimeOffset t => DateText.Format(t),
        _ => "",
    };

    public static string FormatDouble(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Appends after checking the cap, so an oversized result is never built.</summary>
    public static void Add(StringBuilder builder, string text, int position)
    {
        if (builder.Length + text.Length > ExpressionLimits.MaxStringLength)
            throw Errors.StringTooLong(position);
        builder.Append(text);
    }

    private static void Nest(ref EvalScope scope, int position, int depth, int count)
    {
        // A list that contains itself would otherwise recurse for ever.
        if (depth >= ExpressionLimits.MaxDepth)
            throw Errors.TooDeep(position);
        scope.Charge(1 + count, position);
    }
}
