namespace CoBan.Workflow.Supervision;

/// <summary>A table of a report: the same rows go to the printed page, the e-mail and the CSV.</summary>
public sealed class ReportSection
{
    public required string Title { get; init; }
    public string? Note { get; set; }
    public required IReadOnlyList<string> Columns { get; init; }
    public List<ReportLine> Rows { get; } = [];
    /// <summary>Shown instead of an empty table.</summary>
    public string Empty { get; init; } = "无";
}

public sealed record ReportLine(IReadOnlyList<string> Cells, bool Highlight = false);

public sealed record Headline(string Label, string Value);

/// <summary>What a report says, before it is rendered: the template gets it as <c>vars</c> (docs/supervision.md).</summary>
public sealed class ReportContent
{
    public required string Title { get; init; }
    public List<Headline> Headline { get; } = [];
    public List<ReportSection> Sections { get; } = [];
    /// <summary>The ranking formula, for the evaluation and the ranking.</summary>
    public string? Formula { get; set; }
    public List<string> Notes { get; } = [];
    /// <summary>The duty schedule's report-by date (the 5th of the quarter's first month, seed 001).</summary>
    public DateOnly? ReportBy { get; set; }
}
