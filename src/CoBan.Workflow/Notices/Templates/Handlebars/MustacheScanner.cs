namespace CoBan.Workflow.Notices;

internal enum TagKind { Expression, Open, Inverse, Close, Else, Partial, Comment }

/// <summary>One {{...}} of a template, where it starts (1-based line and column, offsets Start..End exclusive) and what is inside.</summary>
internal sealed record MustacheTag(int Line, int Column, TagKind Kind, string Body, bool Raw)
{
    public int Start { get; init; }
    public int End { get; init; }
}

/// <summary>
/// Finds the mustaches of a Handlebars template (the syntax before Scriban) with their positions, for
/// <see cref="HandlebarsToScriban"/>, which converts stored overrides of older releases.
/// </summary>
internal static class MustacheScanner
{
    public static List<MustacheTag> Scan(string text, string part, List<TemplateProblem> problems)
    {
        var tags = new List<MustacheTag>();
        var lineStarts = LineStarts(text);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (start < 0) break;
            var (line, column) = Position(lineStarts, start);
            if (start > 0 && text[start - 1] == '\\') { i = start + 2; continue; } // \{{ is a literal
            if (string.CompareOrdinal(text, start, "{{!--", 0, 5) == 0 || string.CompareOrdinal(text, start, "{{~!--", 0, 6) == 0)
            {
                var endComment = text.IndexOf("--", start + 5, StringComparison.Ordinal);
                endComment = endComment < 0 ? -1 : text.IndexOf("}}", endComment, StringComparison.Ordinal);
                if (endComment < 0)
                {
                    problems.Add(new(part, line, column, null, "注释 {{!-- 没有用 --}} 闭合", "the comment {{!-- is never closed with --}}"));
                    break;
                }
                tags.Add(new(line, column, TagKind.Comment, text[(start + 2)..endComment].Trim('~', '!', '-', ' ', '\n', '\r', '\t'), false) { Start = start, End = endComment + 2 });
                i = endComment + 2;
                continue;
            }
            var triple = start + 2 < text.Length && text[start + 2] == '{';
            var open = triple ? 3 : 2;
            var close = triple ? "}}}" : "}}";
            var end = text.IndexOf(close, start + open, StringComparison.Ordinal);
            var nextOpen = text.IndexOf("{{", start + open, StringComparison.Ordinal);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end))
            {
                problems.Add(new(part, line, column, null, $"“{Snippet(text, start)}”没有用 {close} 闭合", $"'{Snippet(text, start)}' is not closed with {close}"));
                i = start + open;
                continue;
            }
            var body = text[(start + open)..end].Trim().Trim('~').Trim();
            i = end + close.Length;
            tags.Add(Classify(line, column, body, triple) with { Start = start, End = i });
        }
        return tags;
    }

    private static MustacheTag Classify(int line, int column, string body, bool triple)
    {
        if (triple) return new(line, column, TagKind.Expression, body, Raw: true);
        if (body.Length == 0) return new(line, column, TagKind.Expression, body, false);
        return body[0] switch
        {
            '!' => new(line, column, TagKind.Comment, body, false),
            '#' => new(line, column, TagKind.Open, body[1..].Trim(), false),
            '^' when body.Trim() == "^" => new(line, column, TagKind.Else, "else", false),
            '^' => new(line, column, TagKind.Inverse, body[1..].Trim(), false),
            '/' => new(line, column, TagKind.Close, body[1..].Trim(), false),
            '>' => new(line, column, TagKind.Partial, body[1..].Trim(), false),
            '&' => new(line, column, TagKind.Expression, body[1..].Trim(), Raw: true),
            _ when body == "else" || body.StartsWith("else ", StringComparison.Ordinal) => new(line, column, TagKind.Else, body, false),
            _ => new(line, column, TagKind.Expression, body, false),
        };
    }

    private static string Snippet(string text, int start) => text.Substring(start, Math.Min(24, text.Length - start)).Split('\n')[0];

    private static List<int> LineStarts(string text) => TextPositions.LineStarts(text);

    private static (int Line, int Column) Position(List<int> lineStarts, int offset) => TextPositions.Position(lineStarts, offset);
}
