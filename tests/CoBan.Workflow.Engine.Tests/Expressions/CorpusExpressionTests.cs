using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoBan.Workflow.Engine.Expressions;

namespace CoBan.Workflow.Engine.Tests.Expressions;

/// <summary>The conditions and timer expressions found in the BPMN corpus all compile.</summary>
public partial class CorpusExpressionTests
{
    [Fact]
    public void Every_JUEL_style_condition_and_timer_in_the_corpus_parses()
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var root = Directory.Exists(corpus) ? corpus : FindSourceCorpus();
        var texts = Directory.EnumerateFiles(root, "*.bpmn", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Parse(File.ReadAllText(file)).Descendants()
                .Where(e => e.Name.LocalName is "conditionExpression" or "timeDate" or "timeDuration" or "timeCycle")
                .Where(e => (string?)e.Attribute("language") is null)
                .Select(e => e.Value))
            .Where(t => Body().IsMatch(t))
            .ToList();
        texts.Count.ShouldBeGreaterThan(5);
        foreach (var text in texts)
            Expression.TryParse(text, out _, out var error).ShouldBeTrue($"{text}: {error?.Message}");
    }

    private static string FindSourceCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "Corpus")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Corpus"), "Corpus");
    }

    [GeneratedRegex(@"[$#]\{")]
    private static partial Regex Body();
}
