namespace CoBan.Workflow.Matters;

/// <summary>
/// An item of a bureau's service catalogue (事项): what is needed and how long it may take.
/// The committed limit is in working days (承诺时限); a committed deadline never exceeds it (seed 004).
/// </summary>
public sealed class Matter
{
    public long Id { get; set; }
    public long BureauId { get; set; }
    /// <summary>Catalogue code, unique within the bureau.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>法律依据, quoted on rejection and transfer notices.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>承诺时限 in working days; 0 for matters answered on the spot (即办件).</summary>
    public int LimitWorkingDays { get; set; }
    /// <summary>Steps where the applicant must appear in person to sign or verify (本人出面签字、验证).</summary>
    public string? InPersonSteps { get; set; }
    /// <summary>容缺受理 allowed: accepted with a minor item missing, on the applicant's written commitment.</summary>
    public bool TolerantAcceptance { get; set; }
    /// <summary>A joint matter (联办): handled by an ordered chain of bureaus (<see cref="MatterChainLink"/>).</summary>
    public bool IsJoint { get; set; }
    /// <summary>Reminder before due / escalation after due, in working days (defaults for this matter's tasks).</summary>
    public int RemindBeforeWorkingDays { get; set; } = 1;
    public int EscalateAfterWorkingDays { get; set; } = 2;
    /// <summary>Fees required by law, if any (services are otherwise free, seeds 003/004).</summary>
    public string? Fees { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A material the applicant must bring for a matter.</summary>
public sealed class MatterMaterial
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public bool Required { get; set; } = true;
    /// <summary>E.g. "原件及复印件 1 份".</summary>
    public string? Note { get; set; }
}

/// <summary>One link of a joint matter's ordered chain of bureaus (联办件, seed 000).</summary>
public sealed class MatterChainLink
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public int Position { get; set; }
    public long BureauId { get; set; }
    /// <summary>What this bureau does in the chain, e.g. "核发营业执照".</summary>
    public required string Part { get; set; }
    /// <summary>The matter of that bureau for its part, when catalogued.</summary>
    public long? PartMatterId { get; set; }
}
