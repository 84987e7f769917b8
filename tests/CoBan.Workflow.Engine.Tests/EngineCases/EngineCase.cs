using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>
/// The npm bpmn-engine models of Corpus/engine-cases (MIT, © Pål Edman; see Corpus/SOURCES.md) and
/// what cases.md says they do. bpmn-engine's "signal" of a user or manual task is Complete here.
/// </summary>
internal static class EngineCase
{
    public static BpmnDocument Document(string file) => BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("engine-cases/" + file)));

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
