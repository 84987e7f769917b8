namespace CoBan.Workflow.Engine.Expressions;

internal enum TokenKind
{
    End, // the closing '}' of the body
    Identifier, Integer, Decimal, String, True, False, Null,
    Plus, Minus, Star, Slash, Percent, Div, Mod,
    Not, Empty, And, Or,
    Equal, NotEqual, Less, Greater, LessOrEqual, GreaterOrEqual,
    Question, Colon, Dot, Comma, LeftParen, RightParen, LeftBracket, RightBracket,
}

/// <summary>One token of a body; <see cref="Position"/> is an offset in the whole expression text.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, object? Value = null)
{
    /// <summary>Identifier name or string literal content.</summary>
    public string Text => (string)Value!;

    /// <summary>Keywords written as words (and, empty, eq...) may still name a property after a dot.</summary>
    public bool IsWord(string source) => Length > 0 && char.IsLetter(source[Position]) && Kind != TokenKind.String;

    public string Source(string source) => Kind == TokenKind.End ? "}" : source.Substring(Position, Length);
}
