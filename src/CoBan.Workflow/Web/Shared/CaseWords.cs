using CoBan.Workflow.Cases;

namespace CoBan.Workflow.Web;

/// <summary>A case's status, category and kind in the UI language (the Chinese names live with the enums).</summary>
public static class CaseWords
{
    public static string Status(Lang l, CaseStatus s) => l.IsEn ? s switch
    {
        CaseStatus.Received => "received",
        CaseStatus.Withdrawn => "withdrawn",
        CaseStatus.Accepted => "accepted",
        CaseStatus.NotAccepted => "not accepted",
        CaseStatus.SupplementStarted => "waiting for missing materials",
        CaseStatus.SupplementEnded => "materials complete",
        CaseStatus.Handling => "being handled by the department",
        CaseStatus.SpecialStarted => "special procedure (clock paused)",
        CaseStatus.SpecialEnded => "special procedure ended",
        CaseStatus.CompletedApproved => "completed (approved)",
        CaseStatus.CompletedTolerant => "completed (approved, materials supplied later)",
        CaseStatus.CompletedRejected => "completed (refused)",
        CaseStatus.Recalled => "recalled",
        CaseStatus.Revoked => "revoked",
        CaseStatus.Transferred => "transferred",
        CaseStatus.HandedOver => "this link done, passed to the next bureau",
        CaseStatus.NotReceived => "not received",
        CaseStatus.TransferTracking => "transferred (being followed up)",
        _ => s.ToString(),
    } : s.Zh();

    public static string Category(Lang l, CaseCategory c) => l.IsEn ? c switch { CaseCategory.Own => "own", CaseCategory.Joint => "joint", _ => "transfer" } : c.Zh();

    public static string Kind(Lang l, CaseKind k) => l.IsEn ? k switch
    {
        CaseKind.Notice => "notice", CaseKind.Immediate => "immediate", CaseKind.Commitment => "commitment", _ => "returned",
    } : k.Zh();
}
