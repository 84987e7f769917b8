namespace CoBan.Workflow.Engine.Model;

/// <summary>A parsed BPMN file: its processes (compiled) and the problems found in it.</summary>
public sealed class BpmnDocument
{
    internal BpmnDocument(string? definitionsId, IReadOnlyList<ProcessDefinition> processes, IReadOnlyList<BpmnProblem> problems,
        IReadOnlyList<DeclaredProcess>? declared = null)
    {
        DefinitionsId = definitionsId;
        Processes = processes;
        Problems = problems;
        Declared = declared ?? [];
        foreach (var p in processes) p.Document = this;
    }

    public string? DefinitionsId { get; }

    /// <summary>Processes that compiled (executable or not). A process with errors is absent.</summary>
    public IReadOnlyList<ProcessDefinition> Processes { get; }

    /// <summary>Every problem found, errors and warnings, in document order.</summary>
    public IReadOnlyList<BpmnProblem> Problems { get; }

    /// <summary>
    /// Every process the file declares (with an id), compiled or not: a draft with problems still has a
    /// key and a name, so it can be saved and its problems shown.
    /// </summary>
    public IReadOnlyList<DeclaredProcess> Declared { get; }

    /// <summary>The process a procedure made from this file is keyed by: the first executable one declared, else the first.</summary>
    public DeclaredProcess? MainDeclared => Declared.FirstOrDefault(p => p.IsExecutable) ?? Declared.FirstOrDefault();

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ProcessDefinition> Executable => Processes.Where(p => p.IsExecutable);

    public ProcessDefinition? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);

    /// <summary>The process to run: the one named, or the only executable one.</summary>
    public ProcessDefinition? MainProcess(string? processId = null) =>
        processId is not null ? FindProcess(processId) : Executable.FirstOrDefault();
}

/// <summary>A process as the file declares it, whether or not it compiled.</summary>
public sealed record DeclaredProcess(string Id, string? Name, bool IsExecutable);
