using System.Globalization;
using System.Text;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Splits one <c>${...}</c> body into tokens, stopping at its closing brace. Bracket depth is checked
/// here, in a loop, so a deeply nested hostile input is refused before the recursive parser runs.
/// </summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new()
    {
        ["true"] = TokenKind.True, ["false"] = TokenKind.False, ["null"] = TokenKind.Null,
        ["and"] = TokenKind.And, ["or"] = TokenKind.Or, ["not"] = TokenKind.Not, ["empty"] = TokenKind.Empty,
        ["div"] = TokenKind.Div, ["mod"] = TokenKind.Mod,
        ["eq"] = TokenKind.Equal, ["ne"] = TokenKind.NotEqual, ["lt"] = TokenKind.Less,
        ["gt"] = TokenKind.Greater, ["le"] = TokenKind.LessOrEqual, ["ge"] = TokenKind.GreaterOrEqual,
    };

    /// <param name="open">Offset of the <c>$</c> or <c>#</c> that opened the body, for the unclosed error.</param>
    /// <param name="end">Offset just after the closing brace.</param>
    public static List<Token> Tokenize(string text, int open, out int end)
    {
        var tokens = new List<Token>();
        var depth = 0;
        var i = open + 2;
        while (true)
        {
            if (i >= text.Length)
                throw Errors.Unclosed(open);
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '}')
            {
                tokens.Add(new Token(TokenKind.End, i, 1));
                end = i + 1;
                return tokens;
            }
            var token = c switch
            {
                '\'' or '"' => ReadString(text, i),
                _ when char.IsAsciiDigit(c) => ReadNumber(text, i),
                _ when char.IsLetter(c) || c is '_' or '$' => ReadWord(text, i),
                _ => ReadOperator(text, i),
            };
            if (token.Kind is TokenKind.LeftParen or TokenKind.LeftBracket && ++depth > ExpressionLimits.MaxDepth)
                throw Errors.TooDeep(i);
            if (token.Kind is TokenKind.RightParen or TokenKind.RightBracket)
                depth--;
            tokens.Add(token);
            i += token.Length;
        }
    }

    private static Token ReadWord(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
            i++;
        var word = text[start..i];
        return Keywords.TryGetValue(word, out var kind)
            ? new Token(kind, start, i - start, word)
            : new Token(TokenKind.Identifier, start, i - start, word);
    }

    private static Token ReadNumber(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        var isDecimal = false;
        // "1.5" is a decimal, but in "list.1" or "1.x" the dot is member access (and an error later).
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDecimal = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
                j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                isDecimal = true;
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
            }
        }
        var span = text.AsSpan(start, i - start);
        if (!isDecimal && long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
            return new Token(TokenKind.Integer, start, i - start, integer);
        if (isDecimal && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return new Token(TokenKind.Decimal, start, i - start, d);
        throw Errors.BadNumber(span.ToString(), start);
    }

    private static Token ReadString(string text, int start)
    {
        var quote = text[start];
        var builder = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= text.Length)
                throw Errors.UnterminatedString(start);
            var c = text[i];
            if (c == quote)
                return new Token(TokenKind.String, start, i + 1 - start, builder.ToString());
            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.Length)
                throw Errors.UnterminatedString(start);
            var escaped = text[i + 1];
            switch (escaped)
            {
                case '\\' or '\'' or '"': builder.Append(escaped); break;
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'u' when i + 5 < text.Length
                    && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: throw Errors.BadEscape(escaped, i);
            }
            i += 2;
        }
    }

    private static Token ReadOperator(string text, int start)
    {
        var c = text[start];
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        var (kind, length) = (c, next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Not, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('?', _) => (TokenKind.Question, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            // A lone '=' is almost always a mistyped comparison; say so.
            ('=', _) => throw Errors.At("不能赋值，比较请用 '=='", "assignment is not supported; use '==' to compare", start),
            _ => throw Errors.Unexpected(char.IsSurrogate(c) && char.IsSurrogatePair(c, next) ? text.Substring(start, 2) : c.ToString(), start),
        };
        return new Token(kind, start, length);
    }
}
