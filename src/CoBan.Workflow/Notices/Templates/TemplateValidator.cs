namespace CoBan.Workflow.Notices;

/// <summary>
/// Checks a template against the variable contract (docs/notice-variables.md) before it is saved:
/// every name must exist where it is used, blocks must match, only the known helpers are allowed, and
/// HTML parts may not switch escaping off. Problems carry the line and the name.
/// </summary>
public static class TemplateValidator
{
    /// <summary>Helpers every template may use, with their argument counts (see NoticeHelpers).</summary>
    internal static readonly IReadOnlyDictionary<string, (int Min, int Max)> Helpers = new Dictionary<string, (int, int)>
    {
        ["inc"] = (1, 1), ["count"] = (1, 1), ["join"] = (1, 2), ["default"] = (2, 2), ["eq"] = (2, 2), ["lookup"] = (2, 2),
    };

    private static readonly string[] BlockHelpers = ["if", "unless", "each", "with"];
    private static readonly MapNode Any = new();

    private sealed record Block(string Name, int Line, bool ChangesContext);

    private sealed class Scope(VariableNode context, IReadOnlyDictionary<string, VariableNode> blockParams, bool inEach)
    {
        public VariableNode Context { get; } = context;
        public IReadOnlyDictionary<string, VariableNode> BlockParams { get; } = blockParams;
        public bool InEach { get; } = inEach;
    }

    public static List<TemplateProblem> Validate(string text, string part, bool html)
    {
        var problems = new List<TemplateProblem>();
        var tags = MustacheScanner.Scan(text, part, problems);
        var blocks = new Stack<Block>();
        var scopes = new List<Scope> { new(NoticeVariables.Root, new Dictionary<string, VariableNode>(), false) };
        foreach (var tag in tags)
        {
            void Problem(string? name, string zh, string en) => problems.Add(new(part, tag.Line, tag.Column, name, zh, en));
            List<MustacheToken> tokens;
            try
            {
                tokens = tag.Kind is TagKind.Comment or TagKind.Partial ? [] : MustacheExpression.Parse(tag.Body);
            }
            catch (FormatException e)
            {
                Problem(null, $"表达式“{tag.Body}”格式错误：{e.Message}", $"malformed expression '{tag.Body}': {e.Message}");
                continue;
            }
            var check = new Checker(scopes, Problem);
            switch (tag.Kind)
            {
                case TagKind.Comment:
                    break;
                case TagKind.Partial:
                    Problem(tag.Body, $"不支持引用子模板“{{{{> {tag.Body}}}}}”", $"partials ('{{{{> {tag.Body}}}}}') are not supported");
                    break;
                case TagKind.Expression:
                    if (tag.Raw && html)
                        Problem(tag.Body, "HTML 模板中不允许不转义的输出（{{{…}}} 或 {{&…}}）：申请人填写的内容必须转义", "unescaped output ({{{…}}} or {{&…}}) is not allowed in an HTML template: applicant data must be escaped");
                    if (tokens.Count == 0) { Problem(null, "空的表达式 {{}}", "empty expression {{}}"); break; }
                    check.Output(tokens);
                    break;
                case TagKind.Open or TagKind.Inverse:
                    Open(tag, tokens, blocks, scopes, check, Problem);
                    break;
                case TagKind.Else:
                    if (blocks.Count == 0 || blocks.Peek().Name is not ("if" or "unless" or "each" or "with" or "^"))
                        Problem("else", "{{else}} 不在 {{#if}}、{{#unless}}、{{#each}} 或 {{#with}} 块内", "{{else}} outside an {{#if}}, {{#unless}}, {{#each}} or {{#with}} block");
                    else if (tokens.Count > 1)
                    {
                        if (tokens[1] is PathToken { Text: "if" or "unless" } && tokens.Count == 3) check.Value(tokens[2]);
                        else Problem(tag.Body, $"不支持的 “{{{{{tag.Body}}}}}”：只能写 {{{{else}}}} 或 {{{{else if 条件}}}}", $"unsupported '{{{{{tag.Body}}}}}': use {{{{else}}}} or {{{{else if condition}}}}");
                    }
                    break;
                case TagKind.Close:
                    if (blocks.Count == 0)
                        Problem(tag.Body, $"“{{{{/{tag.Body}}}}}”没有对应的开始标记", $"'{{{{/{tag.Body}}}}}' closes a block that was never opened");
                    else
                    {
                        // A mismatched close is reported once and still ends the innermost block.
                        var b = blocks.Pop();
                        if (b.ChangesContext) scopes.RemoveAt(scopes.Count - 1);
                        if (b.Name != tag.Body && !(b.Name == "^" && tag.Body.Length > 0))
                            Problem(tag.Body, $"“{{{{/{tag.Body}}}}}”与第 {b.Line} 行的 “{{{{#{b.Name}}}}}” 不匹配", $"'{{{{/{tag.Body}}}}}' does not match '{{{{#{b.Name}}}}}' opened on line {b.Line}");
                    }
                    break;
            }
        }
        foreach (var open in blocks)
            problems.Add(new(part, open.Line, 1, open.Name, $"第 {open.Line} 行的 “{{{{#{open.Name}}}}}” 没有闭合", $"'{{{{#{open.Name}}}}}' opened on line {open.Line} is never closed"));
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    private static void Open(MustacheTag tag, List<MustacheToken> tokens, Stack<Block> blocks, List<Scope> scopes, Checker check,
        Action<string?, string, string> problem)
    {
        if (tag.Kind == TagKind.Inverse)
        {
            // {{^name}} … {{/name}}: the inverted section, shown when the value is empty.
            if (tokens.Count != 1) { problem(tag.Body, $"“{{{{^{tag.Body}}}}}”只能跟一个变量", $"'{{{{^{tag.Body}}}}}' takes one variable"); }
            else check.Value(tokens[0]);
            blocks.Push(new Block(tokens.Count > 0 && tokens[0] is PathToken p ? p.Text : "^", tag.Line, false));
            return;
        }
        var name = tokens.Count > 0 && tokens[0] is PathToken helper ? helper.Text : tag.Body;
        if (!BlockHelpers.Contains(name))
        {
            problem(name, $"未知的块“{{{{#{name}}}}}”：只能用 #if、#unless、#each、#with", $"unknown block '{{{{#{name}}}}}': use #if, #unless, #each or #with");
            blocks.Push(new Block(name, tag.Line, false));
            return;
        }
        var args = tokens.Skip(1).Where(t => t is not BlockParamsToken).ToList();
        var blockParams = tokens.OfType<BlockParamsToken>().FirstOrDefault()?.Names ?? [];
        if (args.Count != 1)
        {
            problem(name, $"“{{{{#{name}}}}}”需要一个参数", $"'{{{{#{name}}}}}' takes one argument");
            blocks.Push(new Block(name, tag.Line, false));
            return;
        }
        var node = check.Value(args[0]);
        switch (name)
        {
            case "each":
                var item = node switch
                {
                    ListNode l => l.Item,
                    MapNode or null => Any,
                    _ => null,
                };
                if (item is null)
                {
                    problem(Describe(args[0]), $"“{Describe(args[0])}”不是列表，不能用 #each", $"'{Describe(args[0])}' is not a list: #each needs one");
                    item = Any;
                }
                var each = new Dictionary<string, VariableNode>();
                if (blockParams.Count > 0) each[blockParams[0]] = item;
                if (blockParams.Count > 1) each[blockParams[1]] = new ScalarNode("number");
                scopes.Add(new Scope(item, each, true));
                blocks.Push(new Block(name, tag.Line, true));
                break;
            case "with":
                if (node is ScalarNode or ListNode)
                    problem(Describe(args[0]), $"“{Describe(args[0])}”不是对象，不能用 #with", $"'{Describe(args[0])}' is not an object: #with needs one");
                var with = new Dictionary<string, VariableNode>();
                if (blockParams.Count > 0) with[blockParams[0]] = node ?? Any;
                scopes.Add(new Scope(node is ObjectNode or MapNode ? node : Any, with, scopes[^1].InEach));
                blocks.Push(new Block(name, tag.Line, true));
                break;
            default:
                blocks.Push(new Block(name, tag.Line, false));
                break;
        }
    }

    private static string Describe(MustacheToken token) => token switch
    {
        PathToken p => p.Text,
        LiteralToken l => l.Text,
        SubToken s => "(" + string.Join(' ', s.Items.Select(Describe)) + ")",
        HashToken h => h.Key + "=" + Describe(h.Value),
        _ => "",
    };

    /// <summary>Resolves names against the scopes, reporting what it cannot resolve.</summary>
    private sealed class Checker(List<Scope> scopes, Action<string?, string, string> problem)
    {
        public void Output(List<MustacheToken> tokens)
        {
            if (tokens[0] is PathToken { Text: var first } && Helpers.ContainsKey(first))
            {
                Call(first, tokens.Skip(1).ToList());
                return;
            }
            if (tokens.Count > 1)
            {
                var name = Describe(tokens[0]);
                problem(name, $"未知的辅助函数“{name}”：可用的有 {string.Join("、", Helpers.Keys)}", $"unknown helper '{name}': available are {string.Join(", ", Helpers.Keys)}");
                return;
            }
            var node = Value(tokens[0]);
            if (node is ListNode or ObjectNode)
            {
                var name = Describe(tokens[0]);
                problem(name, node is ListNode ? $"“{name}”是列表，请用 {{{{#each {name}}}}} 逐项输出" : $"“{name}”是对象，请输出它的某一项（如 {name}.name）",
                    node is ListNode ? $"'{name}' is a list: print its items with {{{{#each {name}}}}}" : $"'{name}' is an object: print one of its fields (e.g. {name}.name)");
            }
        }

        private void Call(string helper, List<MustacheToken> args)
        {
            var (min, max) = Helpers[helper];
            if (args.Count < min || args.Count > max)
                problem(helper, $"辅助函数“{helper}”需要 {min}～{max} 个参数", $"helper '{helper}' takes {min} to {max} arguments");
            var nodes = args.Select(Value).ToList();
            if (helper is "count" or "join" && nodes.Count > 0 && nodes[0] is not (ListNode or MapNode or null))
                problem(Describe(args[0]), $"“{Describe(args[0])}”不是列表，不能用 {helper}", $"'{Describe(args[0])}' is not a list: {helper} needs one");
        }

        /// <summary>The shape of a value, or null when unknown (already reported) or a literal.</summary>
        public VariableNode? Value(MustacheToken token)
        {
            switch (token)
            {
                case LiteralToken:
                    return new ScalarNode("literal");
                case HashToken h:
                    return Value(h.Value);
                case SubToken s:
                    if (s.Items[0] is PathToken { Text: var helper } && Helpers.ContainsKey(helper))
                    {
                        Call(helper, s.Items.Skip(1).ToList());
                        return helper == "lookup" ? Any : new ScalarNode("value");
                    }
                    problem(Describe(s.Items[0]), $"未知的辅助函数“{Describe(s.Items[0])}”", $"unknown helper '{Describe(s.Items[0])}'");
                    return null;
                case PathToken p:
                    return Resolve(p.Text);
                default:
                    return null;
            }
        }

        private VariableNode? Resolve(string path)
        {
            var scopeIndex = scopes.Count - 1;
            var rest = path;
            while (rest.StartsWith("../", StringComparison.Ordinal))
            {
                rest = rest[3..];
                scopeIndex--;
                if (scopeIndex < 0)
                {
                    problem(path, $"“{path}”超出了最外层", $"'{path}' goes above the outermost context");
                    return null;
                }
            }
            var segments = rest.Split('.', '/').Select(s => s.Trim('[', ']')).ToList();
            if (segments.Any(s => s.Length == 0) && rest != "." )
            {
                problem(path, $"变量名“{path}”格式错误", $"malformed variable name '{path}'");
                return null;
            }
            var scope = scopes[scopeIndex];
            VariableNode node;
            var first = segments[0];
            if (first is "this" or ".") node = scope.Context;
            else if (first == "@root") node = NoticeVariables.Root;
            else if (first is "@index" or "@first" or "@last" or "@key")
            {
                if (!scopes.Skip(1).Any(s => s.InEach))
                {
                    problem(path, $"“{first}”只能在 {{{{#each}}}} 中使用", $"'{first}' is only available inside {{{{#each}}}}");
                    return null;
                }
                return segments.Count == 1 ? new ScalarNode(first == "@index" ? "number" : "text") : Unknown(path);
            }
            else if (scopes.Take(scopeIndex + 1).Reverse().Select(s => s.BlockParams.GetValueOrDefault(first)).FirstOrDefault(n => n is not null) is { } param)
                node = param;
            else if (Member(scope.Context, first) is { } member) node = member;
            else return Unknown(path);

            foreach (var segment in segments.Skip(1))
            {
                if (segment is "this" or ".") continue;
                var next = Member(node, segment);
                if (next is null) return Unknown(path);
                node = next;
            }
            return node;
        }

        private static VariableNode? Member(VariableNode node, string name) => node switch
        {
            ObjectNode o => o.Members.GetValueOrDefault(name),
            MapNode => Any,
            _ => null,
        };

        private VariableNode? Unknown(string path)
        {
            var suggestion = Suggest(path);
            problem(path, $"未知变量“{path}”{(suggestion is null ? "" : $"（是不是“{suggestion}”？）")}；可用变量见 docs/notice-variables.md",
                $"unknown variable '{path}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; see docs/notice-variables.md for the variables");
            return null;
        }

        private static string? Suggest(string path)
        {
            var best = NoticeVariables.Names().Select(n => n.Replace("[]", "").TrimEnd('*', '.'))
                .Select(n => (Name: n, Distance: Distance(n, path))).OrderBy(x => x.Distance).FirstOrDefault();
            return best.Name is not null && best.Distance <= Math.Max(2, path.Length / 4) ? best.Name : null;
        }

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
                for (var j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            return d[a.Length, b.Length];
        }
    }
}
