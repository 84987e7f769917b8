using Scriban.Parsing;
using Scriban.Syntax;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Checks a Scriban template before it is saved: it parses; it uses only what a notice needs (output,
/// if/else, for over a list, the built-in functions of <see cref="NoticeScriban.Functions"/>); and every
/// name exists in the variable contract (docs/notice-variables.md) where it is used. Each problem carries
/// its line and column. Anything else (include, func, while, capture, import, assignments) is refused:
/// templates edited by administrators stay data, not programs.
/// </summary>
public static class ScribanChecker
{
    private static readonly MapNode Any = new();
    private static readonly ScalarNode Plain = new("value");

    /// <summary>The members of Scriban's loop object (for.index …).</summary>
    private static readonly HashSet<string> LoopMembers = ["index", "rindex", "first", "last", "even", "odd", "changed", "length"];

    /// <summary>A name that stands for a function namespace (string, array…) or a loop object, not a value.</summary>
    private sealed record Namespace(string Name) : VariableNode;
    private sealed record Function(string Name) : VariableNode;
    private sealed record Loop : VariableNode;

    public static List<TemplateProblem> Validate(string content, string part)
    {
        var problems = new List<TemplateProblem>();
        var template = NoticeScriban.Parse(content);
        if (template.HasErrors)
        {
            foreach (var m in template.Messages.Where(m => m.Type == ParserMessageType.Error).Take(5))
            {
                var hint = m.Message.Contains("case statement", StringComparison.Ordinal)
                    ? ("case 是 Scriban 的关键字：输出案件信息请写 {{ this.case.number }}；", "'case' is a Scriban keyword: print case fields as {{ this.case.number }}; ")
                    : ("", "");
                problems.Add(new(part, m.Span.Start.Line + 1, m.Span.Start.Column + 1, null, $"{hint.Item1}模板语法错误：{m.Message}", $"{hint.Item2}template syntax error: {m.Message}"));
            }
            return problems;
        }
        new Walker(part, problems).Block(template.Page!.Body, []);
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    private sealed class Walker(string part, List<TemplateProblem> problems)
    {
        private void Problem(ScriptNode? node, string? name, string zh, string en) =>
            problems.Add(new(part, (node?.Span.Start.Line ?? 0) + 1, (node?.Span.Start.Column ?? 0) + 1, name, zh, en));

        public void Block(ScriptBlockStatement? block, Dictionary<string, VariableNode> locals)
        {
            if (block is null) return;
            foreach (var statement in block.Statements) Statement(statement, locals);
        }

        private void Statement(ScriptStatement statement, Dictionary<string, VariableNode> locals)
        {
            switch (statement)
            {
                case ScriptRawStatement or ScriptEscapeStatement or ScriptNopStatement or ScriptEndStatement:
                    break;
                case ScriptBlockStatement block:
                    Block(block, locals);
                    break;
                case ScriptExpressionStatement { Expression: ScriptAssignExpression } e:
                    Problem(e, null, "模板中不允许赋值（=）：模板只输出通知的内容", "assignments (=) are not allowed: a template only prints the notice");
                    break;
                case ScriptExpressionStatement { Expression: { } output }:
                    Output(output, locals);
                    break;
                case ScriptIfStatement i:
                    Value(i.Condition, locals);
                    Block(i.Then, locals);
                    if (i.Else is { } otherwise) Statement(otherwise, locals);
                    break;
                case ScriptElseStatement e:
                    Block(e.Body, locals);
                    break;
                case ScriptForStatement f when f is not ScriptTableRowStatement:
                    var list = Value(f.Iterator, locals);
                    var item = list switch
                    {
                        ListNode l => l.Item,
                        MapNode or null => Any,
                        ScalarNode { Type: "range" } => new ScalarNode("number"),
                        _ => null,
                    };
                    if (item is null)
                    {
                        Problem(f.Iterator, Path(f.Iterator), $"“{Path(f.Iterator)}”不是列表，不能用 for 逐项输出", $"'{Path(f.Iterator)}' is not a list: for needs one");
                        item = Any;
                    }
                    if (f.Variable is not ScriptVariable variable)
                    {
                        Problem(f, null, "for 后面只能是一个变量名（for item in 列表）", "for takes one variable name (for item in list)");
                        break;
                    }
                    var inner = new Dictionary<string, VariableNode>(locals) { [variable.Name] = item, ["for"] = new Loop() };
                    Block(f.Body, inner);
                    if (f.Else is { } empty) Statement(empty, locals);
                    break;
                default:
                    var keyword = statement.GetType().Name.Replace("Script", "").Replace("Statement", "").ToLowerInvariant();
                    Problem(statement, keyword, $"模板中不支持“{keyword}”语句：只能输出变量、使用 if/else 和 for",
                        $"the '{keyword}' statement is not supported in notice templates: use output, if/else and for");
                    break;
            }
        }

        private void Output(ScriptExpression expression, Dictionary<string, VariableNode> locals)
        {
            var node = Value(expression, locals);
            var name = Path(expression);
            if (node is ListNode)
                Problem(expression, name, $"“{name}”是列表，请用 {{{{ for x in {name} }}}} 逐项输出，或用 {name}.size 输出项数",
                    $"'{name}' is a list: print its items with {{{{ for x in {name} }}}} or the count with {name}.size");
            else if (node is ObjectNode)
                Problem(expression, name, $"“{name}”是对象，请输出它的某一项（如 {name}.name）", $"'{name}' is an object: print one of its fields (e.g. {name}.name)");
            else if (node is Namespace ns)
                Problem(expression, name, $"“{ns.Name}”是函数组，请写出具体函数（如 {ns.Name}.{NoticeScriban.Functions[ns.Name].First()}）",
                    $"'{ns.Name}' is a group of functions: name one (e.g. {ns.Name}.{NoticeScriban.Functions[ns.Name].First()})");
        }

        /// <summary>The shape of an expression's value; null when unknown (and already reported).</summary>
        private VariableNode? Value(ScriptExpression? expression, Dictionary<string, VariableNode> locals)
        {
            switch (expression)
            {
                case null:
                    return null;
                case ScriptLiteral:
                    return new ScalarNode("literal");
                case ScriptThisExpression:
                    return NoticeVariables.Root;
                case ScriptIsEmptyExpression empty:
                    Value(empty.Target, locals);
                    return Plain;
                case ScriptVariable variable:
                    return Variable(variable, locals);
                case ScriptMemberExpression member:
                    return Member(member, locals);
                case ScriptIndexerExpression indexer:
                    var target = Value(indexer.Target, locals);
                    Value(indexer.Index, locals);
                    return target switch { ListNode l => l.Item, ObjectNode or MapNode => Any, _ => target is null ? null : Plain };
                case ScriptPipeCall pipe:
                    Value(pipe.From, locals);
                    return Piped(pipe.To, locals);
                case ScriptFunctionCall call:
                    return Call(call, locals, piped: false);
                case ScriptBinaryExpression binary:
                    Value(binary.Left, locals);
                    Value(binary.Right, locals);
                    return binary.Operator is ScriptBinaryOperator.RangeInclude or ScriptBinaryOperator.RangeExclude ? new ScalarNode("range") : Plain;
                case ScriptUnaryExpression unary:
                    Value(unary.Right, locals);
                    return Plain;
                case ScriptNestedExpression nested:
                    return Value(nested.Expression, locals);
                case ScriptConditionalExpression conditional:
                    Value(conditional.Condition, locals);
                    Value(conditional.ThenValue, locals);
                    Value(conditional.ElseValue, locals);
                    return Plain;
                case ScriptAssignExpression:
                    Problem(expression, null, "模板中不允许赋值（=）", "assignments (=) are not allowed");
                    return null;
                default:
                    var kind = expression.GetType().Name.Replace("Script", "");
                    Problem(expression, kind, $"模板中不支持这种表达式（{kind}）", $"this kind of expression is not supported in notice templates ({kind})");
                    return null;
            }
        }

        /// <summary>The right of a pipe: Scriban nests a chain to the right (a | f | g is a | (f | g)).</summary>
        private VariableNode? Piped(ScriptExpression? to, Dictionary<string, VariableNode> locals)
        {
            if (to is not ScriptPipeCall chain) return to is null ? null : Call(to, locals, piped: true);
            if (chain.From is { } first) Call(first, locals, piped: true);
            return Piped(chain.To, locals);
        }

        /// <summary>A function, called with arguments or as the right of a pipe.</summary>
        private VariableNode? Call(ScriptExpression callee, Dictionary<string, VariableNode> locals, bool piped)
        {
            var target = callee is ScriptFunctionCall call ? call.Target : callee;
            var function = Value(target, locals);
            if (callee is ScriptFunctionCall c) foreach (var argument in c.Arguments) Value(argument, locals);
            if (function is null) return null;
            if (function is not Function f)
            {
                if (piped || callee is ScriptFunctionCall)
                    Problem(target, Path(target), $"“{Path(target)}”不是函数", $"'{Path(target)}' is not a function");
                return function;
            }
            return f.Name is "array.map" or "array.compact" or "array.uniq" or "array.sort" or "array.reverse" or "array.limit" or "array.offset"
                or "array.filter" or "array.concat" or "string.split"
                ? new ListNode(Any) : Plain;
        }

        private VariableNode? Variable(ScriptVariable variable, Dictionary<string, VariableNode> locals)
        {
            var name = variable.Name;
            if (locals.TryGetValue(name, out var local)) return local;
            if (name == "for")
            {
                Problem(variable, name, "“for”（for.index 等）只能在 for 循环内使用", "'for' (for.index …) is only available inside a for loop");
                return null;
            }
            if (NoticeVariables.Root.Members.TryGetValue(name, out var node)) return node;
            if (NoticeScriban.Functions.ContainsKey(name)) return new Namespace(name);
            if (name is "empty") return Plain;
            if (name is "include" or "include_join" or "date" or "regex" or "timespan")
            {
                Problem(variable, name, $"通知模板中不能使用“{name}”（不能读取文件或其他模板，也不能取当前时间；今天的日期用 today）",
                    $"'{name}' is not available in notice templates (no files or other templates, no clock: use today for the date)");
                return null;
            }
            return Unknown(variable, name);
        }

        private VariableNode? Member(ScriptMemberExpression member, Dictionary<string, VariableNode> locals)
        {
            var target = Value(member.Target, locals);
            var name = member.Member?.Name ?? "";
            switch (target)
            {
                case null:
                    return null;
                case Namespace ns:
                    if (NoticeScriban.Functions[ns.Name].Contains(name)) return new Function($"{ns.Name}.{name}");
                    Problem(member, $"{ns.Name}.{name}", $"未知或不允许的函数“{ns.Name}.{name}”：可用的有 {string.Join("、", NoticeScriban.Functions[ns.Name])}",
                        $"unknown or disallowed function '{ns.Name}.{name}': available are {string.Join(", ", NoticeScriban.Functions[ns.Name])}");
                    return null;
                case Loop:
                    if (LoopMembers.Contains(name)) return new ScalarNode(name is "index" or "rindex" or "length" ? "number" : "boolean");
                    Problem(member, $"for.{name}", $"for 没有“{name}”：可用 for.index、for.first、for.last 等", $"for has no '{name}': use for.index, for.first, for.last …");
                    return null;
                case ObjectNode o:
                    return o.Members.TryGetValue(name, out var child) ? child : Unknown(member, Path(member));
                case MapNode:
                    return Any;
                case ListNode l:
                    if (name is "size") return new ScalarNode("number");
                    if (name is "first" or "last") return l.Item;
                    Problem(member, Path(member), $"“{Path(member.Target)}”是列表，没有“{name}”：可用 size、first、last，或用 for 逐项输出",
                        $"'{Path(member.Target)}' is a list without '{name}': use size, first, last or a for loop");
                    return null;
                case ScalarNode when name is "size":
                    return new ScalarNode("number");
                default:
                    Problem(member, Path(member), $"“{Path(member.Target)}”是一个值，没有“{name}”", $"'{Path(member.Target)}' is a single value without '{name}'");
                    return null;
            }
        }

        private VariableNode? Unknown(ScriptNode node, string path)
        {
            var suggestion = Suggest(path);
            Problem(node, path, $"未知变量“{path}”{(suggestion is null ? "" : $"（是不是“{suggestion}”？）")}；可用变量见 docs/notice-variables.md",
                $"unknown variable '{path}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; see docs/notice-variables.md for the variables");
            return null;
        }
    }

    /// <summary>The dotted name an expression stands for, as the administrator wrote it.</summary>
    private static string Path(ScriptExpression? expression) => expression switch
    {
        ScriptVariable v => v.Name,
        ScriptThisExpression => "this",
        ScriptMemberExpression m => Path(m.Target) is "this" ? m.Member?.Name ?? "" : $"{Path(m.Target)}.{m.Member?.Name}",
        ScriptIndexerExpression i => $"{Path(i.Target)}[…]",
        ScriptPipeCall p => Path(p.From),
        ScriptNestedExpression n => Path(n.Expression),
        null => "",
        _ => expression.ToString() ?? "",
    };

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
