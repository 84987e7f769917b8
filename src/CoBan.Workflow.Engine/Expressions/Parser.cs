namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Recursive-descent parser for one body, with JUEL's precedence (lowest first):
/// <c>?:</c>, <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== != eq ne</c>, <c>&lt; &gt; &lt;= &gt;= lt gt le ge</c>,
/// <c>+ -</c>, <c>* / div % mod</c>, unary <c>- ! not empty</c>, then <c>. [] ()</c>.
/// Recursion is bounded by <see cref="ExpressionLimits.MaxDepth"/>; operator chains are parsed in loops.
/// </summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth = -1; // the body itself is level 0; each bracket, call or operator inside adds one

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    /// <summary>Parses the body opened at <paramref name="open"/>; <paramref name="end"/> is just after its '}'.</summary>
    public static Node ParseBody(string text, int open, out int end)
    {
        var parser = new Parser(text, Lexer.Tokenize(text, open, out end));
        if (parser.Peek.Kind == TokenKind.End)
            throw Errors.EmptyBody(open);
        var node = parser.ParseExpression();
        if (parser.Peek.Kind != TokenKind.End)
            throw parser.UnexpectedHere();
        return node;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool TryTake(TokenKind kind)
    {
        if (Peek.Kind != kind)
            return false;
        _next++;
        return true;
    }

    private Token Expect(TokenKind kind, string symbol)
    {
        if (Peek.Kind != kind)
            throw Peek.Kind == TokenKind.End ? Errors.Missing(symbol, Peek.Position) : Errors.Expected(symbol, Peek.Source(_text), Peek.Position);
        return Take();
    }

    private ExpressionException UnexpectedHere() =>
        Peek.Kind == TokenKind.End ? Errors.UnexpectedEnd(Peek.Position) : Errors.Unexpected(Peek.Source(_text), Peek.Position);

    private void Enter(int position)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
            throw Errors.TooDeep(position);
    }

    private static T Checked<T>(T node) where T : Node =>
        node.Height > ExpressionLimits.MaxTreeHeight ? throw Errors.TooDeep(node.Position) : node;

    private Node ParseExpression()
    {
        Enter(Peek.Position);
        var condition = ParseLogic(isAnd: false);
        if (Peek.Kind == TokenKind.Question)
        {
            var question = Take();
            var whenTrue = ParseExpression();
            Expect(TokenKind.Colon, ":");
            var whenFalse = ParseExpression();
            condition = Checked(new TernaryNode(question.Position, condition, whenTrue, whenFalse));
        }
        _depth--;
        return condition;
    }

    private Node ParseLogic(bool isAnd)
    {
        var kind = isAnd ? TokenKind.And : TokenKind.Or;
        var first = isAnd ? ParseChain(0) : ParseLogic(isAnd: true);
        if (Peek.Kind != kind)
            return first;
        var operands = new List<Node> { first };
        while (TryTake(kind))
            operands.Add(isAnd ? ParseChain(0) : ParseLogic(isAnd: true));
        return Checked(new LogicNode(isAnd, [.. operands]));
    }

    /// <summary>Levels 0-3: equality, relational, additive, multiplicative.</summary>
    private Node ParseChain(int level)
    {
        var first = level == 3 ? ParseUnary() : ParseChain(level + 1);
        List<ChainNode.Link>? links = null;
        while (OperatorAt(level, Peek.Kind) is { } op)
        {
            var position = Take().Position;
            var operand = level == 3 ? ParseUnary() : ParseChain(level + 1);
            (links ??= []).Add(new ChainNode.Link(op, position, operand));
        }
        return links is null ? first : Checked(new ChainNode(first, [.. links]));
    }

    private static BinaryOp? OperatorAt(int level, TokenKind kind) => (level, kind) switch
    {
        (0, TokenKind.Equal) => BinaryOp.Equal,
        (0, TokenKind.NotEqual) => BinaryOp.NotEqual,
        (1, TokenKind.Less) => BinaryOp.Less,
        (1, TokenKind.Greater) => BinaryOp.Greater,
        (1, TokenKind.LessOrEqual) => BinaryOp.LessOrEqual,
        (1, TokenKind.GreaterOrEqual) => BinaryOp.GreaterOrEqual,
        (2, TokenKind.Plus) => BinaryOp.Add,
        (2, TokenKind.Minus) => BinaryOp.Subtract,
        (3, TokenKind.Star) => BinaryOp.Multiply,
        (3, TokenKind.Slash or TokenKind.Div) => BinaryOp.Divide,
        (3, TokenKind.Percent or TokenKind.Mod) => BinaryOp.Modulo,
        _ => null,
    };

    private Node ParseUnary()
    {
        var op = Peek.Kind switch
        {
            TokenKind.Minus => UnaryOp.Negate,
            TokenKind.Not => UnaryOp.Not,
            TokenKind.Empty => UnaryOp.Empty,
            _ => (UnaryOp?)null,
        };
        if (op is null)
            return ParsePostfix();
        var token = Take();
        Enter(token.Position);
        var operand = ParseUnary();
        _depth--;
        return op switch
        {
            // Folding keeps "-1" a literal, so it is as cheap as "1" and reads back as a constant.
            UnaryOp.Negate when operand is LiteralNode { Value: long l } => new LiteralNode(token.Position, -l),
            UnaryOp.Negate when operand is LiteralNode { Value: double d } => new LiteralNode(token.Position, -d),
            // A missing variable is simply empty: `empty x` is how models ask "was x ever set?".
            UnaryOp.Empty when operand is PathNode path => Checked(new UnaryNode(token.Position, UnaryOp.Empty, path.MissingAsNull())),
            _ => Checked(new UnaryNode(token.Position, op.Value, operand)),
        };
    }

    /// <summary>A primary followed by <c>.name</c>, <c>[index]</c> and <c>.method(...)</c> steps.</summary>
    private Node ParsePostfix()
    {
        var start = Peek;
        string? root = null;
        Node? current = null;
        var segments = new List<PathSegment>();
        if (start.Kind == TokenKind.Identifier && _tokens[_next + 1].Kind != TokenKind.LeftParen)
            root = Take().Text;
        else
            current = ParsePrimary();

        while (true)
        {
            if (TryTake(TokenKind.Dot))
            {
                var name = Peek;
                if (name.Kind != TokenKind.Identifier && !name.IsWord(_text))
                    throw Errors.NameAfterDot(name.Source(_text), name.Position);
                Take();
                var memberName = name.Source(_text);
                if (Peek.Kind != TokenKind.LeftParen)
                {
                    segments.Add(new PathSegment(name.Position, memberName, null));
                    continue;
                }
                Take();
                var args = ParseArguments();
                if (root == "execution" && segments.Count == 0 && memberName is "getVariable" or "hasVariable")
                {
                    if (args.Count != 1)
                        throw Errors.ArgumentCount($"execution.{memberName}", 1, 1, args.Count, name.Position);
                    current = Checked(new ExecutionVariableNode(name.Position, memberName == "hasVariable", args[0]));
                }
                else
                {
                    var receiver = Finish(start.Position, root, current, segments);
                    current = Method(receiver, memberName, name.Position, args);
                }
                root = null;
                segments.Clear();
            }
            else if (Peek.Kind == TokenKind.LeftBracket)
            {
                var bracket = Take();
                var index = ParseExpression();
                Expect(TokenKind.RightBracket, "]");
                segments.Add(new PathSegment(bracket.Position, null, index));
            }
            else
            {
                return Finish(start.Position, root, current, segments);
            }
        }
    }

    private static Node Finish(int position, string? root, Node? current, List<PathSegment> segments)
    {
        if (root is not null)
            return DialectPathNode.Recognise(Checked(new PathNode(position, root, [.. segments])));
        return segments.Count == 0 ? current! : Checked(new PathNode(current!, [.. segments]));
    }

    private static FunctionNode Method(Node receiver, string name, int position, List<Node> args)
    {
        if (!Functions.TryGetMethod(name, out var spec))
            throw Errors.UnsupportedMethod(name, position);
        if (args.Count != spec.Arity - 1)
            throw Errors.ArgumentCount(name, spec.Arity - 1, spec.Arity - 1, args.Count, position);
        return Checked(new FunctionNode(position, name, spec, [receiver, .. args], isMethod: true));
    }

    private Node ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Integer or TokenKind.Decimal or TokenKind.String:
                return new LiteralNode(token.Position, token.Value);
            case TokenKind.True:
                return new LiteralNode(token.Position, Boxed.True);
            case TokenKind.False:
                return new LiteralNode(token.Position, Boxed.False);
            case TokenKind.Null:
                return new LiteralNode(token.Position, null);
            case TokenKind.Identifier:
                // Only reached with '(' next: a function call.
                if (!Functions.TryGetFunction(token.Text, out var spec))
                    throw Errors.UnknownFunction(token.Text, token.Position);
                Take();
                var args = ParseArguments();
                if (args.Count != spec.Arity)
                    throw Errors.ArgumentCount(spec.Name, spec.Arity, spec.Arity, args.Count, token.Position);
                return Checked(new FunctionNode(token.Position, spec.Name, spec, [.. args], isMethod: false));
            case TokenKind.LeftParen:
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, ")");
                return inner;
            case TokenKind.LeftBracket:
                var items = new List<Node>();
                if (!TryTake(TokenKind.RightBracket))
                {
                    do
                        items.Add(ParseExpression());
                    while (TryTake(TokenKind.Comma));
                    Expect(TokenKind.RightBracket, "]");
                }
                return Checked(new ListNode(token.Position, [.. items]));
            default:
                _next--;
                throw UnexpectedHere();
        }
    }

    /// <summary>Arguments after an opening '(' that was already taken, up to and including ')'.</summary>
    private List<Node> ParseArguments()
    {
        var args = new List<Node>();
        if (TryTake(TokenKind.RightParen))
            return args;
        do
            args.Add(ParseExpression());
        while (TryTake(TokenKind.Comma));
        Expect(TokenKind.RightParen, ")");
        return args;
    }
}
