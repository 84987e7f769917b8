namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// The value model shared by variables, expression results and task forms (docs/values.md):
/// null, bool, long, double, string, DateTimeOffset, IReadOnlyList&lt;object?&gt;,
/// IReadOnlyDictionary&lt;string, object?&gt;.
/// </summary>
public static partial class Values
{
    /// <summary>The kind's name for messages, e.g. "文本 / string".</summary>
    public static string Describe(object? value) => $"{DescribeZh(value)} / {DescribeEn(value)}";

    public static string DescribeZh(object? value) => value switch
    {
        null => "空值",
        bool => "布尔值",
        long => "整数",
        double => "小数",
        string => "文本",
        DateTimeOffset => "日期时间",
        IReadOnlyDictionary<string, object?> => "映射",
        IReadOnlyList<object?> => "列表",
        _ => $"不支持的类型 {value.GetType().Name}",
    };

    public static string DescribeEn(object? value) => value switch
    {
        null => "null",
        bool => "boolean",
        long => "integer",
        double => "decimal",
        string => "string",
        DateTimeOffset => "date-time",
        IReadOnlyDictionary<string, object?> => "map",
        IReadOnlyList<object?> => "list",
        _ => $"unsupported type {value.GetType().Name}",
    };

    /// <summary>True when the value is one of the model's kinds (containers are not inspected).</summary>
    public static bool IsModelValue(object? value) => value is null or bool or long or double or string
        or DateTimeOffset or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>;

    /// <summary>
    /// The text form used by interpolation, string concatenation and <c>string(x)</c>: null is empty,
    /// numbers are invariant, dates ISO 8601 with offset, lists <c>[a, b]</c>, maps <c>{k=v}</c>.
    /// </summary>
    /// <exception cref="ExpressionException">The text would exceed <see cref="ExpressionLimits.MaxStringLength"/>.</exception>
    public static string ToText(object? value)
    {
        if (value is string s)
            return s;
        var scope = new EvalScope(null, int.MaxValue);
        return TextFormat.Format(value, ref scope, -1);
    }
}
