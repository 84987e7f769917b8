namespace CoBan.Workflow.Procedures;

/// <summary>A bureau's procedure: one BPMN process key, with its versions. Each bureau versions its own.</summary>
public sealed class Procedure
{
    public long Id { get; set; }
    public long BureauId { get; set; }
    /// <summary>The BPMN process id (definition key), e.g. "desk-intake"; unique within the bureau.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public enum VersionStatus { Draft = 0, Published = 1, Retired = 2 }

/// <summary>
/// One version of a procedure. A draft is editable and has no number; publishing gives it the next
/// number and freezes it. Instances keep the version they started on.
/// </summary>
public sealed class ProcedureVersion
{
    public long Id { get; set; }
    public long ProcedureId { get; set; }
    /// <summary>Null while a draft.</summary>
    public int? Number { get; set; }
    public VersionStatus Status { get; set; }
    public required string Xml { get; set; }
    public required string XmlHash { get; set; }
    public string? Comment { get; set; }
    /// <summary>The version a draft was copied from (roll back), if any.</summary>
    public int? BasedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }
}
