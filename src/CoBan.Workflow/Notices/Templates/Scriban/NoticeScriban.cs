using System.Collections;
using System.Net;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CoBan.Workflow.Notices;

/// <summary>A template part that Scriban cannot parse: the first error, 1-based line and column.</summary>
public sealed class TemplateSyntaxException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>
/// Templates are Scriban, run sandboxed because administrators edit them: no include or file access (no
/// template loader, and <c>include</c>, <c>date</c>, <c>regex</c>, <c>object.eval</c> are not in the built-ins),
/// a loop limit, a recursion limit, an output limit and a time limit; unknown names throw (the model
/// carries every contract name, so only a real mistake throws). HTML parts escape every value they print
/// (Scriban has no auto-escaping: the parsed template's output statements are wrapped, see <see cref="EscapeOutput"/>).
/// </summary>
public static class NoticeScriban
{
    public const int LoopLimit = 1000;
    public const int RecursiveLimit = 20;
    public const int OutputLimit = 1_000_000;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>The built-in namespaces and functions a template may use (ScribanChecker checks names against these).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Functions = new Dictionary<string, IReadOnlySet<string>>
    {
        ["string"] = new HashSet<string>(["append", "prepend", "capitalize", "contains", "downcase", "upcase", "ends_with", "starts_with", "empty", "whitespace",
            "lstrip", "rstrip", "strip", "strip_newlines", "remove", "remove_first", "replace", "replace_first", "size", "slice", "slice1", "split", "truncate",
            "truncatewords", "pad_left", "pad_right", "index_of", "literal"]),
        ["array"] = new HashSet<string>(["join", "map", "size", "first", "last", "compact", "uniq", "sort", "reverse", "limit", "offset", "contains", "filter", "concat"]),
        ["math"] = new HashSet<string>(["abs", "ceil", "floor", "round", "plus", "minus", "times", "divided_by", "modulo", "format"]),
        ["html"] = new HashSet<string>(["escape", "strip", "newline_to_br", "url_encode", "url_escape"]),
        ["object"] = new HashSet<string>(["default", "size", "has_key", "has_value", "format", "typeof"]),
    };

    private static readonly ScriptObject Builtins = CreateBuiltins();

    private static ScriptObject CreateBuiltins()
    {
        var all = new BuiltinFunctions();
        var builtins = new ScriptObject();
        foreach (var (ns, names) in Functions)
        {
            var source = (ScriptObject)all[ns]!;
            var copy = new ScriptObject();
            foreach (var name in names)
                if (source.TryGetValue(name, out var function)) copy.SetValue(name, function, true);
            copy.IsReadOnly = true;
            builtins.SetValue(ns, copy, true);
        }
        builtins.SetValue("empty", all["empty"], true);
        builtins.IsReadOnly = true;
        return builtins;
    }

    public static Template Parse(string content) => Template.Parse(content, lexerOptions: new LexerOptions { Lang = ScriptLang.Default, Mode = ScriptMode.Default });

    /// <summary>Parses for rendering: a syntax error throws with its line; HTML parts escape what they print.</summary>
    public static Template Compile(string content, bool html)
    {
        var template = Parse(content);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new TemplateSyntaxException(first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }
        if (html) EscapeOutput(template.Page!);
        return template;
    }

    public static string Render(Template template, NoticeModel model)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in model.Root) globals.SetValue(name, value, false);
        using var timeout = new CancellationTokenSource(TimeLimit);
        var context = new NoticeTemplateContext { CancellationToken = timeout.Token };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>Every value an HTML part prints goes through HTML encoding; literal text of the template does not.</summary>
    private static void EscapeOutput(ScriptNode node)
    {
        var statements = new List<ScriptExpressionStatement>();
        void Collect(ScriptNode n)
        {
            if (n is ScriptExpressionStatement s) statements.Add(s);
            foreach (var child in n.Children) if (child is not null) Collect(child);
        }
        Collect(node);
        foreach (var s in statements)
            if (s.Expression is not (ScriptAssignExpression or null or HtmlEncoded))
                s.Expression = new HtmlEncoded(s.Expression);
    }

    private sealed class HtmlEncoded : ScriptExpression
    {
        private readonly ScriptExpression _inner;

        public HtmlEncoded(ScriptExpression inner)
        {
            _inner = inner;
            Span = inner.Span;
        }

        public override object? Evaluate(TemplateContext context)
        {
            var value = context.Evaluate(_inner);
            return value is null ? null : WebUtility.HtmlEncode(context.ObjectToString(value));
        }

        public override void PrintTo(ScriptPrinter printer) => _inner.PrintTo(printer);
    }

    /// <summary>
    /// The sandbox, and Handlebars' notion of "empty" for conditions (null, false, "", 0 and an empty list are
    /// false), which the forms rely on: {{ if applicant.contact }} on an empty contact must print nothing.
    /// </summary>
    private sealed class NoticeTemplateContext : TemplateContext
    {
        public NoticeTemplateContext() : base(Builtins)
        {
            StrictVariables = true;
            LoopLimit = NoticeScriban.LoopLimit;
            RecursiveLimit = NoticeScriban.RecursiveLimit;
            OutputLimit = NoticeScriban.OutputLimit;
            LimitToString = 100_000;
            ObjectRecursionLimit = 20;
            RegexTimeOut = TimeSpan.FromMilliseconds(100);
            TemplateLoader = null;
            MemberRenamer = member => member.Name;
            EnableRelaxedMemberAccess = false;
        }

        public override bool ToBool(SourceSpan span, object? value) => value switch
        {
            null => false,
            bool b => b,
            string s => s.Length > 0,
            IList list => list.Count > 0,
            int i => i != 0,
            long l => l != 0,
            double d => d != 0,
            decimal m => m != 0,
            _ => base.ToBool(span, value!),
        };
    }
}
