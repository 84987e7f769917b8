using System.Globalization;
using System.Text;

namespace CoBan.Workflow.Notices;

/// <summary>A parameter of a mustache: a path, a literal, a sub-expression, or key=value.</summary>
internal abstract record MustacheToken;
internal sealed record PathToken(string Text) : MustacheToken;
internal sealed record LiteralToken(string Text) : MustacheToken;
internal sealed record SubToken(IReadOnlyList<MustacheToken> Items) : MustacheToken;
internal sealed record HashToken(string Key, MustacheToken Value) : MustacheToken;
internal sealed record BlockParamsToken(IReadOnlyList<string> Names) : MustacheToken;

/// <summary>Splits the inside of a mustache into tokens (enough of Handlebars' grammar to check names).</summary>
internal static class MustacheExpression
{
    public static List<MustacheToken> Parse(string body)
    {
        var position = 0;
        var tokens = ParseList(body, ref position, closing: null);
        if (position < body.Length) throw new FormatException($"unexpected '{body[position]}'");
        return tokens;
    }

    private static List<MustacheToken> ParseList(string s, ref int i, char? closing)
    {
        var tokens = new List<MustacheToken>();
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length)
            {
                if (closing is not null) throw new FormatException($"missing '{closing}'");
                return tokens;
            }
            if (closing is not null && s[i] == closing)
            {
                i++;
                return tokens;
            }
            if (s[i] == ')') throw new FormatException("unexpected ')'");
            if (s[i] == 'a' && i + 2 < s.Length && s[i + 1] == 's' && char.IsWhiteSpace(s[i + 2]))
            {
                var j = i + 2;
                while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                if (j < s.Length && s[j] == '|')
                {
                    var endBar = s.IndexOf('|', j + 1);
                    if (endBar < 0) throw new FormatException("block parameters 'as |...|' are not closed");
                    tokens.Add(new BlockParamsToken(s[(j + 1)..endBar].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                    i = endBar + 1;
                    continue;
                }
            }
            tokens.Add(ParseOne(s, ref i));
        }
    }

    private static MustacheToken ParseOne(string s, ref int i)
    {
        var c = s[i];
        if (c is '"' or '\'')
        {
            var end = s.IndexOf(c, i + 1);
            if (end < 0) throw new FormatException("a string literal is not closed");
            var text = s[(i + 1)..end];
            i = end + 1;
            return new LiteralToken(text);
        }
        if (c == '(')
        {
            i++;
            var items = ParseList(s, ref i, ')');
            if (items.Count == 0) throw new FormatException("empty sub-expression '()'");
            return new SubToken(items);
        }
        var word = new StringBuilder();
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not (')' or '(' or '='))
        {
            if (s[i] == '[')
            {
                var end = s.IndexOf(']', i);
                if (end < 0) throw new FormatException("'[' is not closed");
                word.Append(s, i, end - i + 1);
                i = end + 1;
                continue;
            }
            word.Append(s[i++]);
        }
        if (i < s.Length && s[i] == '=')
        {
            i++;
            if (i >= s.Length) throw new FormatException($"'{word}=' has no value");
            return new HashToken(word.ToString(), ParseOne(s, ref i));
        }
        var w = word.ToString();
        if (w.Length == 0) throw new FormatException($"unexpected '{(i < s.Length ? s[i] : ' ')}'");
        if (w is "true" or "false" or "null" or "undefined" || decimal.TryParse(w, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            return new LiteralToken(w);
        return new PathToken(w);
    }
}
