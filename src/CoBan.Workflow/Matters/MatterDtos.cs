namespace CoBan.Workflow.Matters;

public sealed record MaterialInfo(string Name, bool Required, string? Note);
public sealed record ChainLinkInput(int? Position, string? BureauCode, string? Part, long? PartMatterId);
public sealed record ChainLinkView(int Position, string BureauCode, string BureauName, string Part, long? PartMatterId);

public sealed record MatterInfo(long Id, string BureauCode, string BureauName, string Code, string Name, string? LegalBasis, int LimitWorkingDays, string? InPersonSteps,
    bool TolerantAcceptance, bool IsJoint, int RemindBeforeWorkingDays, int EscalateAfterWorkingDays, string? Fees, bool Active,
    IReadOnlyList<MaterialInfo> Materials, IReadOnlyList<ChainLinkView> Chain);

public sealed record MatterRequest(string? BureauCode, string? Code, string? Name, string? LegalBasis, int? LimitWorkingDays, string? InPersonSteps,
    bool? TolerantAcceptance, int? RemindBeforeWorkingDays, int? EscalateAfterWorkingDays, string? Fees, bool? Active,
    List<MaterialInfo>? Materials, List<ChainLinkInput>? Chain);
