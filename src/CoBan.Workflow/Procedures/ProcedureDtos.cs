using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Procedures;

public sealed record ProcedureSummary(long Id, long BureauId, string BureauCode, string Key, string Name, int? LatestVersion, bool HasDraft, DateTimeOffset? DraftUpdatedAt);

public sealed record VersionInfo(long Id, int? Number, string Status, string? Comment, int? BasedOn, string? CreatedBy, DateTimeOffset CreatedAt,
    string? UpdatedBy, DateTimeOffset UpdatedAt, string? PublishedBy, DateTimeOffset? PublishedAt, string? RetiredBy, DateTimeOffset? RetiredAt, string XmlHash)
{
    public static VersionInfo Of(ProcedureVersion v) => new(v.Id, v.Number, v.Status.LowerCode(), v.Comment, v.BasedOn,
        v.CreatedBy, v.CreatedAt, v.UpdatedBy, v.UpdatedAt, v.PublishedBy, v.PublishedAt, v.RetiredBy, v.RetiredAt, v.XmlHash);
}

public sealed record VersionXml(VersionInfo Version, string Xml);

/// <summary>One problem of a model, as the designer shows it on the element.</summary>
public sealed record ProblemInfo(string Severity, string? ElementId, string? ElementType, string MessageZh, string MessageEn, int? Line)
{
    public static ProblemInfo Of(BpmnProblem p) => new(p.Severity.LowerCode(), p.ElementId, p.ElementType, p.MessageZh, p.MessageEn, p.Line);
}

public sealed record ValidationResult(bool Valid, IReadOnlyList<ProblemInfo> Problems);

public sealed record CreateProcedureRequest(string? BureauCode, string? Name, string? Xml);
public sealed record DraftRequest(string? Xml);
public sealed record DraftInfo(VersionInfo Version, string Xml, IReadOnlyList<ProblemInfo> Problems);
public sealed record PublishRequest(string? Comment);
public sealed record ValidateRequest(string? Xml);

public sealed record ElementChange(string Id, string Type, string? Name);
public sealed record VersionComparison(string From, string To, IReadOnlyList<ElementChange> Added, IReadOnlyList<ElementChange> Removed, IReadOnlyList<ElementChange> Changed);
