namespace CoBan.Workflow.Engine.Model;

public enum ProblemSeverity : byte { Error, Warning, Info }

/// <summary>
/// One thing wrong with a model, said so a process owner can find and fix it: the element id and
/// type, a sentence in Chinese and in English, and the XML line when known.
/// </summary>
public sealed record BpmnProblem(
    ProblemSeverity Severity,
    string? ElementId,
    string? ElementType,
    string MessageZh,
    string MessageEn,
    int? Line = null)
{
    public static BpmnProblem Error(string? id, string? type, string zh, string en, int? line = null) =>
        new(ProblemSeverity.Error, id, type, zh, en, line);

    public static BpmnProblem Warning(string? id, string? type, string zh, string en, int? line = null) =>
        new(ProblemSeverity.Warning, id, type, zh, en, line);

    public override string ToString()
    {
        var where = ElementId is null ? "" : $"{ElementType} '{ElementId}': ";
        var line = Line is null ? "" : $" (line {Line})";
        return $"{Severity}: {where}{MessageZh} / {MessageEn}{line}";
    }
}
