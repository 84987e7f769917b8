using System.Text;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Converts a Handlebars template part (the syntax of releases before Scriban) into Scriban, for the
/// stored overrides of older releases (<see cref="TemplateSyntaxUpgrade"/>) and once for the shipped files.
/// Handlebars changes the context inside {{#each}}; Scriban names the item: the converter gives each loop a
/// variable (chain → link, rows → row…) and prefixes the names inside with it. A line holding only a block
/// tag disappears in Handlebars ("standalone"); the converted tag strips its line with {{~ … ~}}. What it
/// cannot convert (partials, unknown helpers, hash arguments, unescaped output in HTML) it reports, and the
/// caller keeps the original for an administrator to fix.
/// </summary>
public static partial class HandlebarsToScriban
{
    public sealed record Result(string? Scriban, string? ProblemZh, string? ProblemEn);

    private sealed record Scope(string? Variable, VariableNode Node);

    private sealed record Block(string Kind, bool PushedScope)
    {
        public bool ScopePopped { get; set; }
    }

    private static readonly HashSet<string> Keywords =
    [
        "case", "when", "if", "else", "end", "for", "in", "while", "func", "ret", "import", "include", "capture", "readonly", "wrap", "with", "tablerow",
        "break", "continue", "this", "empty", "null", "true", "false", "do", "string", "array", "math", "html", "object", "date", "regex", "timespan",
    ];

    private sealed class Unconvertible(string zh, string en) : Exception(en)
    {
        public string Zh { get; } = zh;
    }

    /// <summary>An SMS part (JSON with one Handlebars expression per variable): each variable converted.</summary>
    public static Result ConvertSms(string json)
    {
        SmsTemplate sms;
        try { sms = SmsTemplate.Parse(json); }
        catch (System.Text.Json.JsonException e) { return new(null, "短信模板不是有效的 JSON：" + e.Message, "the SMS template is not valid JSON: " + e.Message); }
        var converted = new Dictionary<string, string>();
        foreach (var (name, expression) in sms.Params)
        {
            var result = Convert(expression, html: false);
            if (result.Scriban is null) return new(null, $"变量 {name}：{result.ProblemZh}", $"variable {name}: {result.ProblemEn}");
            converted[name] = result.Scriban;
        }
        sms.Params = converted;
        return new(sms.ToJson(), null, null);
    }

    public static Result Convert(string text, bool html)
    {
        var problems = new List<TemplateProblem>();
        var tags = MustacheScanner.Scan(text, "", problems);
        if (problems.Count > 0) return new(null, $"第 {problems[0].Line} 行：{problems[0].MessageZh}", $"line {problems[0].Line}: {problems[0].MessageEn}");
        if (text.Contains("\\{{", StringComparison.Ordinal)) return new(null, "含有转义的 \\{{，请手工改写", "contains an escaped \\{{: rewrite it by hand");
        var output = new StringBuilder();
        var scopes = new List<Scope> { new(null, NoticeVariables.Root) };
        var blocks = new Stack<Block>();
        var at = 0;
        try
        {
            foreach (var tag in tags)
            {
                output.Append(text, at, tag.Start - at);
                at = tag.End;
                var code = Tag(tag, scopes, blocks, html);
                var standalone = tag.Kind is not TagKind.Expression && Standalone(text, tag);
                output.Append(standalone ? "{{~ " : "{{ ").Append(code).Append(standalone ? " ~}}" : " }}");
            }
            if (blocks.Count > 0) throw new Unconvertible($"有 {blocks.Count} 个块没有闭合", $"{blocks.Count} block(s) are never closed");
        }
        catch (Unconvertible e)
        {
            return new(null, e.Zh, e.Message);
        }
        output.Append(text, at, text.Length - at);
        return new(output.ToString(), null, null);
    }

    /// <summary>Handlebars' standalone rule: the tag is alone on its line (only whitespace around it).</summary>
    private static bool Standalone(string text, MustacheTag tag)
    {
        for (var k = tag.Start - 1; k >= 0 && text[k] != '\n'; k--)
            if (text[k] is not (' ' or '\t' or '\r')) return false;
        for (var k = tag.End; k < text.Length && text[k] != '\n'; k++)
            if (text[k] is not (' ' or '\t' or '\r')) return false;
        return true;
    }

    private static string Tag(MustacheTag tag, List<Scope> scopes, Stack<Block> blocks, bool html)
    {
        switch (tag.Kind)
        {
            case TagKind.Comment:
                return "## " + tag.Body.Replace("##", "# #", StringComparison.Ordinal).TrimStart('!').Trim() + " ##";
            case TagKind.Partial:
                throw new Unconvertible($"引用了子模板“{{{{> {tag.Body}}}}}”，Scriban 模板不能引用其他模板", $"uses the partial '{{{{> {tag.Body}}}}}'; Scriban templates cannot include others");
            case TagKind.Expression:
                if (tag.Raw && html)
                    throw new Unconvertible("HTML 模板中有不转义的输出（{{{…}}}）", "unescaped output ({{{…}}}) in an HTML template");
                return Expression(Tokens(tag), scopes);
            case TagKind.Inverse:
                blocks.Push(new Block("if", false));
                return $"if !({Expression(Tokens(tag), scopes)})";
            case TagKind.Open:
                return Open(tag, scopes, blocks);
            case TagKind.Else:
                if (blocks.Count == 0) throw new Unconvertible("{{else}} 不在块内", "{{else}} outside a block");
                var block = blocks.Peek();
                if (block.Kind == "each" && !block.ScopePopped)
                {
                    // The {{else}} of {{#each}} renders in the outer context: Scriban's for … else.
                    scopes.RemoveAt(scopes.Count - 1);
                    block.ScopePopped = true;
                }
                var tokens = Tokens(tag);
                if (tokens.Count == 1) return "else";
                if (tokens.Count == 3 && tokens[1] is PathToken { Text: "if" }) return $"else if {Expression([tokens[2]], scopes)}";
                if (tokens.Count == 3 && tokens[1] is PathToken { Text: "unless" }) return $"else if !({Expression([tokens[2]], scopes)})";
                throw new Unconvertible($"不支持的 “{{{{{tag.Body}}}}}”", $"unsupported '{{{{{tag.Body}}}}}'");
            case TagKind.Close:
                if (blocks.Count == 0) throw new Unconvertible($"“{{{{/{tag.Body}}}}}”没有对应的开始标记", $"'{{{{/{tag.Body}}}}}' closes nothing");
                var closed = blocks.Pop();
                if (closed.PushedScope && !closed.ScopePopped) scopes.RemoveAt(scopes.Count - 1);
                return "end";
            default:
                throw new Unconvertible("无法识别的标记", "unrecognised tag");
        }
    }

    private static List<MustacheToken> Tokens(MustacheTag tag)
    {
        try
        {
            var tokens = MustacheExpression.Parse(tag.Kind == TagKind.Else ? tag.Body : tag.Body);
            if (tokens.Count == 0) throw new Unconvertible("空的表达式 {{}}", "empty expression {{}}");
            return tokens;
        }
        catch (FormatException e)
        {
            throw new Unconvertible($"第 {tag.Line} 行表达式“{tag.Body}”格式错误：{e.Message}", $"line {tag.Line}: malformed expression '{tag.Body}': {e.Message}");
        }
    }

    private static string Open(MustacheTag tag, List<Scope> scopes, Stack<Block> blocks)
    {
        var tokens = Tokens(tag);
        var helper = tokens[0] is PathToken p ? p.Text : "";
        var args = tokens.Skip(1).ToList();
        if (args.Any(a => a is BlockParamsToken or HashToken))
            throw new Unconvertible($"第 {tag.Line} 行的 “{{{{#{tag.Body}}}}}” 用了块参数或命名参数", $"line {tag.Line}: '{{{{#{tag.Body}}}}}' uses block or hash parameters");
        if (args.Count != 1) throw new Unconvertible($"第 {tag.Line} 行的 “{{{{#{tag.Body}}}}}” 需要一个参数", $"line {tag.Line}: '{{{{#{tag.Body}}}}}' takes one argument");
        var argument = Expression(args, scopes);
        switch (helper)
        {
            case "if":
                blocks.Push(new Block("if", false));
                return $"if {argument}";
            case "unless":
                blocks.Push(new Block("if", false));
                return $"if !({argument})";
            case "each":
                var list = Shape(args[0], scopes);
                var item = list is ListNode l ? l.Item : new MapNode();
                var variable = LoopVariable(args[0], scopes);
                scopes.Add(new Scope(variable, item));
                blocks.Push(new Block("each", true));
                return $"for {variable} in {argument}";
            case "with":
                scopes.Add(new Scope(argument, Shape(args[0], scopes) ?? new MapNode()));
                blocks.Push(new Block("with", true));
                return $"if {argument}";
            default:
                throw new Unconvertible($"第 {tag.Line} 行有未知的块“{{{{#{helper}}}}}”", $"line {tag.Line}: unknown block '{{{{#{helper}}}}}'");
        }
    }

    /// <summary>A loop's variable: the list's name in the singular (chain → link, rows → row), unique among the open loops.</summary>
    private static string LoopVariable(MustacheToken list, List<Scope> scopes)
    {
        var last = list is PathToken p ? p.Text.Split('.', '/').Last().Trim('[', ']') : "item";
        var name = last switch
        {
            "chain" => "link",
            "materials" or "missingMaterials" or "receivedMaterials" => "material",
            _ when last.Length > 3 && last.EndsWith('s') && Identifier().IsMatch(last) => last[..^1],
            _ => "item",
        };
        var candidate = name;
        for (var n = 2; Keywords.Contains(candidate) || NoticeVariables.Root.Members.ContainsKey(candidate) || scopes.Any(s => s.Variable == candidate); n++)
            candidate = name + n;
        return candidate;
    }

    /// <summary>An expression (a path, a literal or a helper call) in Scriban.</summary>
    private static string Expression(IReadOnlyList<MustacheToken> tokens, List<Scope> scopes)
    {
        if (tokens.Count == 1) return Operand(tokens[0], scopes, nested: false);
        if (tokens[0] is not PathToken { Text: var helper })
            throw new Unconvertible("表达式的第一项必须是变量或辅助函数", "an expression must start with a variable or helper");
        return Helper(helper, tokens.Skip(1).ToList(), scopes, nested: false);
    }

    private static string Operand(MustacheToken token, List<Scope> scopes, bool nested) => token switch
    {
        LiteralToken { Text: "true" or "false" or "null" } l => l.Text,
        LiteralToken { Text: "undefined" } => "null",
        LiteralToken l when decimal.TryParse(l.Text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _) => l.Text,
        LiteralToken l => "\"" + l.Text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        PathToken p => Path(p.Text, scopes),
        SubToken s when s.Items[0] is PathToken { Text: var helper } => Helper(helper, s.Items.Skip(1).ToList(), scopes, nested: true),
        HashToken h => throw new Unconvertible($"不支持命名参数“{h.Key}=”", $"hash arguments ('{h.Key}=') are not supported"),
        _ => throw new Unconvertible("无法转换的子表达式", "a sub-expression that cannot be converted"),
    };

    private static string Helper(string helper, List<MustacheToken> args, List<Scope> scopes, bool nested)
    {
        string Arg(int i) => Operand(args[i], scopes, nested: true);
        void Count(int min, int max)
        {
            if (args.Count < min || args.Count > max) throw new Unconvertible($"辅助函数“{helper}”的参数个数不对", $"helper '{helper}' has the wrong number of arguments");
        }
        string Wrap(string s) => nested ? $"({s})" : s;
        switch (helper)
        {
            case "inc":
                Count(1, 1);
                return Wrap($"{Arg(0)} + 1");
            case "count":
                Count(1, 1);
                return $"{Arg(0)}.size";
            case "join":
                Count(1, 2);
                var separator = args.Count > 1 ? Arg(1) : "\"、\"";
                var items = Shape(args[0], scopes) is ListNode { Item: ObjectNode o } && o.Members.ContainsKey("name");
                return Wrap(items ? $"{Arg(0)} | array.map \"name\" | array.join {separator}" : $"{Arg(0)} | array.join {separator}");
            case "default":
                Count(2, 2);
                return Wrap($"{Arg(0)} | object.default {Arg(1)}");
            case "eq":
                Count(2, 2);
                return Wrap($"{Arg(0)} == {Arg(1)}");
            case "lookup":
                Count(2, 2);
                return $"{Arg(0)}[{Arg(1)}]";
            default:
                throw new Unconvertible($"未知的辅助函数“{helper}”", $"unknown helper '{helper}'");
        }
    }

    /// <summary>A Handlebars path in the current scope as a Scriban path.</summary>
    private static string Path(string path, List<Scope> scopes)
    {
        switch (path)
        {
            case "@index": return "for.index";
            case "@first": return "for.first";
            case "@last": return "for.last";
        }
        if (path.StartsWith('@') && !path.StartsWith("@root", StringComparison.Ordinal))
            throw new Unconvertible($"不支持“{path}”", $"'{path}' is not supported");
        var (scope, segments) = Resolve(path, scopes);
        var prefix = scope.Variable ?? (segments.Count > 0 && segments[0] == "case" ? "this" : null);
        var text = new StringBuilder(prefix ?? "");
        foreach (var segment in segments)
        {
            if (Identifier().IsMatch(segment)) text.Append(text.Length > 0 ? "." : "").Append(segment);
            else text.Append(text.Length > 0 ? "" : "this").Append("[\"").Append(segment.Replace("\"", "\\\"")).Append("\"]");
        }
        return text.Length > 0 ? text.ToString() : "this";
    }

    private static (Scope Scope, List<string> Segments) Resolve(string path, List<Scope> scopes)
    {
        var index = scopes.Count - 1;
        var rest = path;
        while (rest.StartsWith("../", StringComparison.Ordinal))
        {
            rest = rest[3..];
            index = Math.Max(0, index - 1);
        }
        if (rest.StartsWith("@root", StringComparison.Ordinal))
        {
            index = 0;
            rest = rest.Length > 5 ? rest[6..] : "";
        }
        var segments = rest.Split('.', '/').Select(s => s.Trim('[', ']')).Where(s => s.Length > 0).ToList();
        if (segments.Count > 0 && segments[0] is "this") segments.RemoveAt(0);
        return (scopes[index], segments);
    }

    /// <summary>The contract shape of a path (for the loops' items and join), or null when unknown.</summary>
    private static VariableNode? Shape(MustacheToken token, List<Scope> scopes)
    {
        if (token is not PathToken p) return null;
        var (scope, segments) = Resolve(p.Text, scopes);
        VariableNode? node = scope.Node;
        foreach (var segment in segments)
            node = node switch { ObjectNode o => o.Members.GetValueOrDefault(segment), MapNode => new MapNode(), _ => null };
        return node;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
