using System.Text.RegularExpressions;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// How cases are numbered (issue 21). Without <see cref="CentrePrefix"/> every bureau numbers its own
/// cases per year ("BZ-SCJG-2026-00017"). With it, a centre gives all its bureaus' cases one
/// 统一受理编号 sequence per year ("BZ-2026-000123"); the bureau's own number is still issued and kept
/// as the case's second number.
/// </summary>
public sealed partial class CaseNumberingOptions
{
    public const string Section = "CoBan:CaseNumbering";

    /// <summary>The centre's prefix for one centre-wide sequence, e.g. "BZ"; null or empty keeps per-bureau numbers.</summary>
    public string? CentrePrefix { get; set; }

    /// <summary>Show the bureau-prefixed number beside the centre number (API field bureauNumber, case page). On by default.</summary>
    public bool ShowBureauNumber { get; set; } = true;

    public bool CentreWide => !string.IsNullOrEmpty(CentrePrefix);

    /// <summary>Checked at start: the prefix goes into every number (≤ 40 characters with year and sequence).</summary>
    public bool Valid => !CentreWide || PrefixPattern().IsMatch(CentrePrefix!);

    public const string InvalidMessage = "CoBan:CaseNumbering:CentrePrefix must be 1-6 capital letters or digits, with at most one inner '-', e.g. \"BZ\".";

    [GeneratedRegex("^[A-Z0-9]{1,6}(-[A-Z0-9]{1,6})?$")] private static partial Regex PrefixPattern();
}
