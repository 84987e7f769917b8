using System.Runtime.CompilerServices;

namespace CoBan.Workflow.Engine.Expressions;

internal delegate object? FunctionBody(in Call call, ref EvalScope scope);

/// <summary>A built-in function: its name, how many arguments it takes and what it does.</summary>
internal sealed record FunctionSpec(string Name, int Arity, FunctionBody Body);

/// <summary>Room for the arguments of one call on the stack: no built-in takes more than three.</summary>
[InlineArray(3)]
internal struct ArgBuffer
{
    private object? _element;
}

/// <summary>
/// The evaluated arguments of one call, with typed accessors whose errors name the function, the
/// argument and the kind received.
/// </summary>
internal readonly ref struct Call
{
    private readonly ReadOnlySpan<object?> _args;
    private readonly Node[] _nodes;

    public Call(string name, ReadOnlySpan<object?> args, Node[] nodes, int position, bool isMethod)
    {
        Name = name;
        _args = args;
        _nodes = nodes;
        Position = position;
        IsMethod = isMethod;
    }

    public string Name { get; }

    public int Position { get; }

    /// <summary>For <c>x.size()</c> argument 0 is the receiver <c>x</c>.</summary>
    public bool IsMethod { get; }

    public object? this[int index] => _args[index];

    public int PositionOf(int index) => _nodes[index].Position;

    public ExpressionException Wrong(int index, string expectedZh, string expectedEn)
    {
        var value = _args[index];
        if (!IsMethod)
            return Errors.Argument(Name, index, expectedZh, expectedEn, value, PositionOf(index));
        if (index > 0)
            return Errors.Argument(Name, index - 1, expectedZh, expectedEn, value, PositionOf(index));
        return Errors.At(
            $"方法 {Name} 只能用于{expectedZh}，实际为{Values.DescribeZh(value)}",
            $"method {Name} applies to {expectedEn}, not {Values.DescribeEn(value)}", PositionOf(index));
    }

    public string Text(int index) => _args[index] as string ?? throw Wrong(index, "文本", "a string");

    /// <summary>A whole number; a decimal with no fraction (such as the result of <c>/</c>) is accepted.</summary>
    public long Integer(int index) => _args[index] switch
    {
        long l => l,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => (long)d,
        _ => throw Wrong(index, "整数", "an integer"),
    };

    /// <summary>A date-time, or text in one of the <see cref="DateText"/> forms.</summary>
    public DateTimeOffset Date(int index, TimeSpan localOffset) => _args[index] switch
    {
        DateTimeOffset d => d,
        string s => DateText.TryParse(s, localOffset, out var d) ? d : throw Errors.BadDate(s, PositionOf(index)),
        _ => throw Wrong(index, "日期时间", "a date-time"),
    };
}
