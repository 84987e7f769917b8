using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Benchmarks.Harness;

namespace CoBan.Workflow.Benchmarks.Engine;

/// <summary>The two shared models (models/README.md), parsed through one door so that parses can be counted.</summary>
public sealed class BenchModels(BenchPaths paths)
{
    public const string GatewayFile = "user-task-gateway.bpmn";
    public const string TimerFile = "user-task-timer-boundary.bpmn";

    /// <summary>How many times a model was parsed (compiled) since the suite started.</summary>
    public int Parses { get; private set; }

    public string Xml(string fileName) => File.ReadAllText(paths.Model(fileName));

    public ProcessDefinition Compile(string xml, string processId)
    {
        Parses++;
        return Parse(xml, processId);
    }

    /// <summary>The uncounted parse, for the loops that measure parsing itself.</summary>
    public static ProcessDefinition Parse(string xml, string processId)
    {
        var document = BpmnReader.Parse(xml);
        if (document.HasErrors)
            throw new InvalidOperationException($"the benchmark model does not compile: {string.Join("; ", document.Problems)}");
        return document.FindProcess(processId) ?? throw new InvalidOperationException($"no process '{processId}' in the benchmark model");
    }
}
