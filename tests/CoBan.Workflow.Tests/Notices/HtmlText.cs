using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// The readable text of an HTML notice, for golden files a reviewer can read: one line per block
/// (heading, paragraph, table row, list item, line break), table cells joined with " | ", images as
/// [图片 alt], whitespace collapsed, the style sheet and the head left out.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = ["P", "DIV", "H1", "H2", "H3", "H4", "TR", "LI", "TABLE", "UL", "OL", "SECTION", "HEADER", "FOOTER", "BLOCKQUOTE"];

    public static string Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string>();
        var line = new StringBuilder();
        void Break()
        {
            var text = System.Text.RegularExpressions.Regex.Replace(line.ToString(), @"[ \t\r\n]+", " ").Trim();
            if (text.Length > 0) lines.Add(text);
            line.Clear();
        }
        void Walk(INode node)
        {
            switch (node)
            {
                case IText t:
                    line.Append(t.Data);
                    return;
                case IElement e:
                    var name = e.TagName;
                    if (name is "STYLE" or "SCRIPT" or "HEAD" or "TITLE") return;
                    if (name == "BR") { Break(); return; }
                    if (name == "IMG") { line.Append("[图片 ").Append(e.GetAttribute("alt") ?? e.GetAttribute("class") ?? "").Append(']'); return; }
                    var block = Blocks.Contains(name);
                    if (block) Break();
                    if (name is "TD" or "TH" && e.PreviousElementSibling is not null) line.Append(" | ");
                    foreach (var child in e.ChildNodes) Walk(child);
                    if (block) Break();
                    return;
            }
        }
        Walk(document.Body ?? (INode)document.DocumentElement);
        Break();
        return string.Join('\n', lines);
    }
}
