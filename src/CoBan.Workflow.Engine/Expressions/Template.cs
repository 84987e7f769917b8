using System.Text;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Splits the text into literal parts and <c>${...}</c> / <c>#{...}</c> bodies and compiles it: plain
/// text is a constant, a lone body keeps its value's type, anything else is an interpolated string.
/// </summary>
internal static class Template
{
    public static (Node Root, bool IsConstant) Compile(string text)
    {
        if (text.Length > ExpressionLimits.MaxTextLength)
            throw Errors.TooLong(text.Length);
        var parts = new List<Node>();
        var literal = new StringBuilder();
        var literalStart = 0;
        Node? lastBody = null;
        var bodies = 0;
        var onlyWhitespaceAround = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var opensBody = c is '$' or '#' && i + 1 < text.Length && text[i + 1] == '{';
            // JUEL's escape: \${ is the literal text ${.
            if (c == '\\' && i + 2 < text.Length && text[i + 1] is '$' or '#' && text[i + 2] == '{')
            {
                literal.Append(text[i + 1]).Append('{');
                i += 3;
            }
            else if (opensBody)
            {
                FlushLiteral();
                lastBody = Parser.ParseBody(text, i, out i);
                parts.Add(lastBody);
                literalStart = i;
                bodies++;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }
        if (bodies == 0)
            return (new LiteralNode(0, literal.ToString()), true);
        FlushLiteral();
        // Whitespace around a single body (indented XML text) does not turn it into a string.
        if (bodies == 1 && onlyWhitespaceAround)
            return (lastBody!, false);
        return (new InterpolationNode([.. parts]), false);

        void FlushLiteral()
        {
            if (literal.Length == 0)
                return;
            var part = literal.ToString();
            onlyWhitespaceAround &= string.IsNullOrWhiteSpace(part);
            parts.Add(new LiteralNode(literalStart, part));
            literal.Clear();
        }
    }
}
