using System.Text.RegularExpressions;
using Ganss.Xss;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Print forms open in a coordinator's browser on the service's own origin, so nothing in them may
/// run: a template with a script, an event handler or a script URL is refused when saved (with its
/// line), every rendered form is sanitised again (HtmlSanitizer: no script, no handlers, only http(s)
/// links and the applicant's PNG signature as a data URL), and print pages are served with a
/// Content-Security-Policy that forbids scripts (<see cref="ContentSecurityPolicy"/>).
/// </summary>
public static partial class PrintSafety
{
    /// <summary>No script of any kind, no plugins, no form posts, no framing elsewhere; the page's own inline style and data: images only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; style-src 'unsafe-inline'; img-src data:";

    private const string SignaturePrefix = "data:image/png;base64,";

    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Add("data");
        // data: only for the applicant's signature (a PNG); any other data URL (data:text/html…) is dropped.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.OriginalUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && !e.OriginalUrl.StartsWith(SignaturePrefix, StringComparison.Ordinal))
                e.SanitizedUrl = null;
        };
        return sanitizer;
    }

    /// <summary>
    /// A rendered print form (the body of the page) with everything that could run taken out. The form's own
    /// style sheets (the reports' landscape pages) are kept as written unless they could fetch or run
    /// anything; the CSP forbids loading in any case.
    /// </summary>
    public static string Sanitize(string html)
    {
        var styles = new List<string>();
        var rest = StyleBlock().Replace(html, m =>
        {
            if (!UnsafeCss().IsMatch(m.Groups[1].Value)) styles.Add($"<style>{m.Groups[1].Value}</style>");
            return "";
        });
        string clean;
        lock (Sanitizer) clean = Sanitizer.Sanitize(rest);
        return string.Concat(styles) + clean;
    }

    [GeneratedRegex(@"<style\b[^>]*>(.*?)</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex(@"@import|url\s*\(|expression\s*\(|behavior\s*:|-moz-binding|</|<!--", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeCss();

    [GeneratedRegex(@"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|svg|math|template)\b|\son[a-z]+\s*=|(javascript|vbscript)\s*:|srcdoc\s*=|@import|expression\s*\(",
        RegexOptions.IgnoreCase)]
    private static partial Regex Dangerous();

    /// <summary>What a print or e-mail HTML template may not contain, with where: checked when it is saved.</summary>
    public static List<TemplateProblem> Check(string part, string content)
    {
        var problems = new List<TemplateProblem>();
        var lines = TextPositions.LineStarts(content);
        foreach (Match m in Dangerous().Matches(content))
        {
            var (line, column) = TextPositions.Position(lines, m.Index);
            var what = m.Value.Trim();
            problems.Add(new(part, line, column, what,
                $"模板中不允许脚本、事件处理属性或脚本链接（“{what}”）：打印页面在本系统的网址下打开，不能运行任何脚本",
                $"no script, event handler or script URL is allowed ('{what}'): print pages open on the service's own address and may run nothing"));
        }
        return problems;
    }
}
