using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>
/// The npm bpmn-engine models of Corpus/engine-cases (MIT, © Pål Edman; see Corpus/SOURCES.md) and
/// what cases.md says they do. bpmn-engine's "signal" of a user or manual task is Complete here.
/// bpmn-engine waits at a manual task; CoBan (as Camunda) passes through one unless it has
/// coban:confirm="true", so the files are read with that attribute added to their manual tasks.
/// </summary>
internal static class EngineCase
{
    public static BpmnDocument Document(string file)
    {
        var xml = File.ReadAllText(Bpmn.Corpus("engine-cases/" + file));
        if (xml.Contains("manualTask", StringComparison.Ordinal))
            xml = System.Text.RegularExpressions.Regex.Replace(xml, "<(\\w+:)?manualTask ", m => m.Value + "coban:confirm=\"true\" xmlns:coban=\"http://coban.workflow/schema/bpmn/1.0\" ");
        return BpmnReader.Parse(xml);
    }

    /// <summary>Parses the file (which must have no errors) and starts its executable process at <see cref="Clock.T0"/>.</summary>
    public static Simulator Run(string file, object? variables = null, Dictionary<string, ServiceOutcome>? services = null)
    {
        var document = Document(file);
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        return new Simulator(document, Play.Options(services: services)).Start(null, Play.Vars(variables), Clock.T0);
    }

    /// <summary>The single error naming the element, with its type, both sentences and its line.</summary>
    public static BpmnProblem RefusalOf(BpmnDocument document, string elementId, string elementType)
    {
        var problem = document.Problems.Where(p => p.Severity == ProblemSeverity.Error && p.ElementId == elementId)
            .ShouldHaveSingleItem(string.Join("\n", document.Problems));
        problem.ElementType.ShouldBe(elementType);
        problem.MessageZh.ShouldNotBeNullOrWhiteSpace();
        problem.MessageEn.ShouldNotBeNullOrWhiteSpace();
        problem.Line.ShouldNotBeNull();
        return problem;
    }
}
