namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Every message of the language in one place, so the Chinese and English texts stay in step and
/// the same mistake always reads the same way.
/// </summary>
internal static class Errors
{
    public static ExpressionException At(string zh, string en, int position, Exception? inner = null) =>
        position < 0
            ? new ExpressionException(zh, en, position, inner)
            : new ExpressionException($"{zh}（第 {position + 1} 个字符）", $"{en} (at character {position + 1})", position, inner);

    /// <summary>Quotes user text for a message, cut short so a huge input cannot flood logs.</summary>
    public static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";

    // Parsing
    public static ExpressionException TooLong(int length) => new(
        $"表达式过长（{length} 个字符，上限 {ExpressionLimits.MaxTextLength}）",
        $"expression too long ({length} characters, the limit is {ExpressionLimits.MaxTextLength})");

    public static ExpressionException TooDeep(int position) => At(
        $"表达式嵌套过深（上限 {ExpressionLimits.MaxDepth} 层）", $"expression nested too deeply (the limit is {ExpressionLimits.MaxDepth} levels)", position);

    public static ExpressionException Unclosed(int position) => At("'${' 缺少对应的 '}'", "unclosed '${': missing '}'", position);

    public static ExpressionException EmptyBody(int position) => At("'${}' 中没有表达式", "empty expression '${}'", position);

    public static ExpressionException Unexpected(string token, int position) => At($"此处不应出现 {Quote(token)}", $"unexpected {Quote(token)}", position);

    public static ExpressionException UnexpectedEnd(int position) => At("表达式不完整", "unexpected end of expression", position);

    public static ExpressionException NameAfterDot(string found, int position) =>
        At($"'.' 之后应为名称，实际为 {Quote(found)}", $"expected a name after '.' but found {Quote(found)}", position);

    public static ExpressionException Missing(string what, int position) => At($"缺少 '{what}'", $"missing '{what}'", position);

    public static ExpressionException Expected(string what, string found, int position) =>
        At($"此处应为 '{what}'，实际为 {Quote(found)}", $"expected '{what}' but found {Quote(found)}", position);

    public static ExpressionException UnterminatedString(int position) => At("文本缺少结束引号", "unterminated string literal", position);

    public static ExpressionException BadEscape(char c, int position) =>
        At($"文本中无效的转义 '\\{c}'", $"invalid escape '\\{c}' in string literal", position);

    public static ExpressionException BadNumber(string text, int position) =>
        At($"数值 {Quote(text)} 超出范围", $"number {Quote(text)} is out of range", position);

    public static ExpressionException UnknownFunction(string name, int position) => At($"未知函数 {name}", $"unknown function {name}", position);

    public static ExpressionException UnsupportedMethod(string name, int position) => At($"不支持的方法 {name}", $"unsupported method {name}", position);

    public static ExpressionException ArgumentCount(string name, int min, int max, int actual, int position)
    {
        var expected = min == max ? $"{min}" : $"{min}-{max}";
        return At($"{name} 需要 {expected} 个参数，实际为 {actual} 个", $"{name} takes {expected} argument(s), got {actual}", position);
    }

    // Evaluation
    public static ExpressionException TooCostly(int position) => At("表达式过于复杂", "expression too costly", position);

    public static ExpressionException StringTooLong(int position) => At(
        "表达式生成的文本过长（上限 1 MB）", "expression too costly: resulting text over 1 MB", position);

    public static ExpressionException UnknownVariable(string name, int position) => At(
        $"表达式中使用了不存在的变量 {name}", $"Unknown property used in expression: cannot resolve identifier '{name}'", position);

    public static ExpressionException UnsupportedValue(string name, object? value, int position) => At(
        $"变量 {name} 的值类型不受支持：{Values.DescribeZh(value)}", $"variable '{name}' holds an unsupported value: {Values.DescribeEn(value)}", position);

    public static ExpressionException Operands(string op, object? left, object? right, int position) => At(
        $"无法对{Values.DescribeZh(left)}和{Values.DescribeZh(right)}执行 {op}",
        $"cannot apply '{op}' to {Values.DescribeEn(left)} and {Values.DescribeEn(right)}", position);

    public static ExpressionException Operand(string op, object? value, int position) => At(
        $"无法对{Values.DescribeZh(value)}执行 {op}", $"cannot apply '{op}' to {Values.DescribeEn(value)}", position);

    public static ExpressionException Compare(object? left, object? right, int position) => At(
        $"无法比较{Values.DescribeZh(left)}与{Values.DescribeZh(right)}的大小",
        $"cannot compare {Values.DescribeEn(left)} with {Values.DescribeEn(right)}", position);

    public static ExpressionException NotBoolean(string what, object? value, int position) => At(
        $"{what} 的操作数应为布尔值，实际为{Values.DescribeZh(value)}",
        $"the operand of '{what}' must be a boolean, got {Values.DescribeEn(value)}", position);

    public static ExpressionException DivisionByZero(int position) => At("除数为零", "division by zero", position);

    public static ExpressionException Overflow(int position) => At("数值超出范围", "number out of range", position);

    public static ExpressionException Argument(string function, int index, string expectedZh, string expectedEn, object? actual, int position) => At(
        $"{function} 的第 {index + 1} 个参数应为{expectedZh}，实际为{Values.DescribeZh(actual)}",
        $"{function} expects {expectedEn} as argument {index + 1}, got {Values.DescribeEn(actual)}", position);

    public static ExpressionException Property(string name, object? target, int position) => At(
        $"无法读取{Values.DescribeZh(target)}的属性 {name}", $"cannot read property '{name}' of {Values.DescribeEn(target)}", position);

    public static ExpressionException Index(object? target, object? index, int position) => At(
        $"无法用{Values.DescribeZh(index)}作为{Values.DescribeZh(target)}的下标",
        $"cannot index {Values.DescribeEn(target)} with {Values.DescribeEn(index)}", position);

    public static ExpressionException NoCalendar(string function, int position) => At(
        $"未配置工作日历，无法使用 {function}", $"no working-day calendar is configured; {function} cannot be used", position);

    public static ExpressionException BadDate(string text, int position) => At(
        $"无法识别的日期 {Quote(text)}，应为 2026-10-01 或 2026-10-01T09:00 的形式",
        $"unrecognised date {Quote(text)}; expected the form 2026-10-01 or 2026-10-01T09:00", position);

    public static ExpressionException NotANumber(string text, int position) => At(
        $"{Quote(text)} 不是数值", $"{Quote(text)} is not a number", position);

    public static ExpressionException Condition(object? value, bool constant) => constant
        ? new ExpressionException("条件须写成 ${...} 形式的表达式", "a condition must be an expression written as ${...}")
        : new ExpressionException(
            $"条件表达式的结果应为布尔值，实际为{Values.DescribeZh(value)}", $"a condition must evaluate to a boolean, got {Values.DescribeEn(value)}");
}
