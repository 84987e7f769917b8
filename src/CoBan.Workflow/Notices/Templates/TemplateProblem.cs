namespace CoBan.Workflow.Notices;

/// <summary>One thing wrong with a template: which part, where (line and column, 1-based), the name at fault, and why.</summary>
public sealed record TemplateProblem(string Part, int Line, int Column, string? Name, string MessageZh, string MessageEn)
{
    public override string ToString() => $"{Part} 第 {Line} 行第 {Column} 列：{MessageZh} / {Part} line {Line}, column {Column}: {MessageEn}";
}
