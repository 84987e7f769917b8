using System.Text;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>
/// The conformance corpus: every model under Corpus/ (MIWG references and 28 tools' exports,
/// bpmn-js and bpmn-moddle fixtures, bpmn-engine's models; Corpus/SOURCES.md) with its expected
/// outcome in Corpus/expected.tsv: "runs" and the simulator's status after starting its executable
/// process; else "refused" (an executable process with errors) or "documents" (no executable process),
/// how many of its processes compiled, and the first problem naming an element. A changed outcome fails here, so a change in
/// what CoBan reads or runs is a reviewed change of that file. Regenerate it with
/// COBAN_UPDATE_CONFORMANCE=1 and read the diff.
/// </summary>
public class ConformanceTests
{
    private static readonly string CorpusRoot = Bpmn.Corpus("");

    private static IEnumerable<string> Models() =>
        Directory.GetFiles(CorpusRoot, "*.bpmn", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>What happens to a model: the simulator's status once its main process starts, or the first named problem.</summary>
    internal static string Outcome(string relative)
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Path.Combine(CorpusRoot, relative)));
        CheckProblemsAreNamed(relative, document);
        if (document.MainProcess() is { } main && !document.Problems.Any(p => p.Severity == ProblemSeverity.Error && p.ElementId == main.Id))
        {
            var sim = new Simulator(document, Play.Options()).Start(main.Id, null, Clock.T0);
            return $"runs {sim.Status}";
        }
        // Nothing to run (no executable process, as most tools export, or it was refused): how much of it
        // was read, and the first problem naming an element, so that a change in reading shows here too.
        var named = document.Problems.FirstOrDefault(p => p.Severity is ProblemSeverity.Error or ProblemSeverity.Warning && p.ElementId is not null)
            ?? document.Problems.First(p => p.Severity == ProblemSeverity.Error);
        var what = document.Executable.Any() || document.Declared.Any(d => d.IsExecutable) ? "refused" : "documents";
        var problem = named.ElementId is null ? $"{named.ElementType ?? "document"}" : $"{named.ElementType} '{named.ElementId}'";
        return $"{what} {document.Processes.Count}/{document.Declared.Count} processes; {named.Severity.ToString().ToLowerInvariant()} {problem}: {Short(named.MessageEn)}";
    }

    private static string Short(string message)
    {
        var text = message.Replace('\t', ' ').Replace('\n', ' ');
        return text.Length <= 80 ? text : text[..80];
    }

    private static void CheckProblemsAreNamed(string file, BpmnDocument document)
    {
        foreach (var p in document.Problems)
        {
            p.MessageZh.ShouldNotBeNullOrWhiteSpace(file);
            p.MessageEn.ShouldNotBeNullOrWhiteSpace(file);
            if (p.Severity == ProblemSeverity.Info) continue;
            (p.ElementId is not null || p.Line is not null || p.ElementType == "definitions").ShouldBeTrue($"{file}: a problem names neither an element nor a line: {p}");
        }
    }

    [Fact]
    public void Every_model_of_the_corpus_has_the_outcome_expected_of_it()
    {
        var actual = Models().Select(m => (Model: m, Outcome: Outcome(m))).ToList();
        actual.Count.ShouldBeGreaterThan(300);
        var expectedFile = Path.Combine(CorpusRoot, "expected.tsv");
        var text = new StringBuilder("# model\toutcome (see Parsing/ConformanceTests.cs)\n");
        foreach (var (model, outcome) in actual) text.Append(model).Append('\t').Append(outcome).Append('\n');
        if (Environment.GetEnvironmentVariable("COBAN_UPDATE_CONFORMANCE") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../Corpus/expected.tsv"));
            File.WriteAllText(source, text.ToString());
            return;
        }
        var expected = File.ReadAllLines(expectedFile).Where(l => !l.StartsWith('#') && l.Length > 0)
            .Select(l => l.Split('\t', 2)).ToDictionary(p => p[0], p => p[1]);
        var differences = actual.Where(a => expected.GetValueOrDefault(a.Model) != a.Outcome)
            .Select(a => $"{a.Model}: expected '{expected.GetValueOrDefault(a.Model) ?? "(not listed)"}', got '{a.Outcome}'").ToList();
        differences.AddRange(expected.Keys.Except(actual.Select(a => a.Model)).Select(m => $"{m}: listed but missing"));
        differences.ShouldBeEmpty(string.Join("\n", differences));
    }
}
