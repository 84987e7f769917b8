using System.Reflection;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>The measure: of the Camunda 7 engine tests translated here, at least 90 of every 95 match.</summary>
public class Camunda7CoverageTests
{
    private static readonly List<(MethodInfo Method, Camunda7Attribute Mark)> Translated = typeof(Camunda7CoverageTests).Assembly
        .GetTypes().SelectMany(t => t.GetMethods())
        .Select(m => (Method: m, Mark: m.GetCustomAttribute<Camunda7Attribute>()!))
        .Where(x => x.Mark is not null).ToList();

    [Fact]
    public void At_least_90_of_every_95_translated_Camunda_tests_match()
    {
        var total = Translated.Count;
        var gaps = Translated.Count(x => x.Mark.Gap is not null);
        total.ShouldBeGreaterThanOrEqualTo(95);
        ((total - gaps) * 95).ShouldBeGreaterThanOrEqualTo(90 * total, $"{total - gaps} of {total} match");
    }

    [Fact]
    public void Every_translation_is_a_test_and_names_one_Java_test_once()
    {
        foreach (var (method, _) in Translated)
            (method.GetCustomAttribute<FactAttribute>() is not null).ShouldBeTrue(method.Name);
        Translated.GroupBy(x => x.Mark.JavaTest).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    /// <summary>The table in docs/engine.md, printed: construct, translated, matching, gaps.</summary>
    [Fact]
    public void The_coverage_table_in_the_docs_matches_the_translations()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "engine.md"));
        foreach (var group in Translated.GroupBy(x => x.Mark.Construct))
        {
            var total = group.Count();
            var matching = group.Count(x => x.Mark.Gap is null);
            docs.ShouldContain($"| {group.Key} | {total} | {matching} |", customMessage: $"docs/engine.md row for {group.Key}: {total} translated, {matching} matching");
        }
        var all = Translated.Count;
        var ok = Translated.Count(x => x.Mark.Gap is null);
        docs.ShouldContain($"| **all** | **{all}** | **{ok}** |");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoBan.Workflow.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("CoBan.Workflow.sln");
    }
}
