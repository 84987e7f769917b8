using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;

namespace CoBan.Workflow.Engine.Tests.Support;

/// <summary>Builds small BPMN documents for tests: the process body is written with BPMN as the default namespace.</summary>
public static class Bpmn
{
    public const string Namespaces =
        "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
        "xmlns:coban=\"http://coban.workflow/schema/bpmn/1.0\" " +
        "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"";

    public static string Xml(string processBody, string roots = "", string processId = "p", string extraProcesses = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions {Namespaces} id="defs" targetNamespace="http://coban.test">
          {roots}
          <process id="{processId}" isExecutable="true">
            {processBody}
          </process>
          {extraProcesses}
        </definitions>
        """;

    public static BpmnDocument Parse(string processBody, string roots = "", string extraProcesses = "")
    {
        var document = BpmnReader.Parse(Xml(processBody, roots, extraProcesses: extraProcesses));
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        return document;
    }

    public static ProcessDefinition Process(string processBody, string roots = "") => Parse(processBody, roots).Processes[0];

    public static string Flow(string from, string to, string? id = null, string? condition = null) =>
        condition is null
            ? $"""<sequenceFlow id="{id ?? from + "_" + to}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<sequenceFlow id="{id ?? from + "_" + to}" sourceRef="{from}" targetRef="{to}"><conditionExpression xsi:type="tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</conditionExpression></sequenceFlow>""";

    /// <summary>Sequence flows along a chain of ids.</summary>
    public static string Chain(params string[] ids) =>
        string.Concat(ids.Zip(ids.Skip(1), (a, b) => Flow(a, b)));

    public static string BenchModel(string name) =>
        Path.Combine(AppContext.BaseDirectory, "BenchModels", name);

    public static string Corpus(string relative) =>
        Path.Combine(AppContext.BaseDirectory, "Corpus", relative);
}
