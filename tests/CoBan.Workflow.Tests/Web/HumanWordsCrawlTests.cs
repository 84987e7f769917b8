using System.Net;
using System.Text.RegularExpressions;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Web;

/// <summary>
/// Walks every page each role can reach from the start page (links followed, a few of each kind of
/// page) on the demo city, and fails on words meant for developers: internal codes, document
/// references, ISO durations, cron lines and file paths.
/// </summary>
public sealed partial class HumanWordsCrawlTests
{
    private const int PagesPerRole = 70;
    private const int PagesPerShape = 2;

    private static readonly (string Why, Regex Pattern)[] Forbidden =
    [
        ("document reference", new(@"\bseeds?\s+\d{3}|docs/|\b[\w-]+\.md\b", RegexOptions.IgnoreCase)),
        ("case action code", new(@"\b(case|evaluation|transfer|chain)\.[a-z][a-zA-Z]+\b")),
        ("ISO duration", new(@"\bP(T?\d+[WDHMS])+\b|\bP\d+WD\b")),
        ("internal call number", new(@"#\d+\s*(完成|到期|失败)|调用 #\d+|执行 #\d+|任务 #\d+")),
        ("delivery status code", new(@"·\s*(sent|pending|failed|queued|delivered|dead|uncertain)\b")),
        ("status code", new(@"状态：[a-z]+")),
        ("cron line", new(@"\b\d+ \d+ \d+ [\d*?]+ [\d*?]+ [?*]")),
        ("role code", new(@"\b(supervisors|dutyLeader|caseOwner|chiefCoordinator)\b")),
        ("template or procedure key", new(@"[“""](receipt|one-time-notice|commitment-deadline|desk-intake|joint-case-chaining|transfer|rectification|village-agency)[”""]|（applicant）")),
        ("file path", new(@"(?<![\w.])/(work|var|tmp|home|etc|usr)/|\b[A-Z]:\\")),
    ];

    [Theory]
    [InlineData("zhang.wei")]
    [InlineData("wang.fang")]
    [InlineData("liu.yang")]
    [InlineData("owner.scjg")]
    [InlineData("admin")]
    [InlineData("zhao.jian")]
    public async Task No_page_a_role_reaches_shows_internal_codes_document_references_or_file_paths(string user)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.LoginAsync(user);
        var seen = new HashSet<string>();
        var shapes = new Dictionary<string, int>();
        var queue = new Queue<string>(["/"]);
        var found = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < PagesPerRole)
        {
            var path = queue.Dequeue();
            var response = await client.GetAsync(path);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } to)
            {
                Enqueue(to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString);
                continue;
            }
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            visited++;
            var html = await response.Content.ReadAsStringAsync();
            var text = VisibleText(html);
            // the template editor's language is its variables (case.number, dutyLeader.name…): those are its words
            var editor = path.StartsWith("/admin/templates/", StringComparison.Ordinal);
            foreach (var (why, pattern) in Forbidden)
                if (!(editor && why is "case action code" or "role code"))
                foreach (Match m in pattern.Matches(text))
                    found.Add($"{path}: {why}: …{Around(text, m)}…");
            foreach (Match link in Href().Matches(html)) Enqueue(WebUtility.HtmlDecode(link.Groups[1].Value));
        }
        visited.ShouldBeGreaterThan(5);
        found.Distinct().ShouldBeEmpty(string.Join("\n", found.Distinct().Take(60)));

        void Enqueue(string href)
        {
            if (!href.StartsWith('/') || href.StartsWith("//")) return;
            var bare = href.Split('#')[0];
            if (Skip().IsMatch(bare)) return;
            var shape = Digits().Replace(bare.Split('?')[0], "{n}") + "?" + string.Join("&", (bare.Split('?').ElementAtOrDefault(1) ?? "").Split('&').Select(p => p.Split('=')[0]).Order());
            if (!seen.Add(bare)) return;
            if (shapes.GetValueOrDefault(shape) >= PagesPerShape) return;
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            queue.Enqueue(bare);
        }
    }

    private static string VisibleText(string html)
    {
        var body = Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        body = Regex.Replace(body, "<[^>]+>", " ");
        return Regex.Replace(WebUtility.HtmlDecode(body), "\\s+", " ");
    }

    private static string Around(string text, Match m)
    {
        var from = Math.Max(0, m.Index - 30);
        return text.Substring(from, Math.Min(text.Length - from, m.Length + 60));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();

    /// <summary>Not pages: the API, downloads, language switch and log-out, framework files.</summary>
    [GeneratedRegex("^/(api|lang|logout|account/logout|_framework|_content|css|js|designer/designer|favicon)|\\.(css|js|png|ico|bpmn|csv|xml|json)(\\?|$)|[?&](format=csv|download)", RegexOptions.IgnoreCase)]
    private static partial Regex Skip();
}
