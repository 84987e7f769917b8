using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Notices;

/// <summary>Notice events on the case's audit trail (the journal): planned, sent, dead, uncertain, resent, receipts, printed.</summary>
internal static class NoticeJournal
{
    public static void Add(CoBanDbContext db, Notice notice, string action, string detail, DateTimeOffset at, Actor? actor = null) =>
        db.Add(new JournalEntry
        {
            At = at,
            InstanceId = notice.InstanceId,
            CaseId = notice.CaseId,
            BureauId = notice.BureauId,
            UserId = actor?.UserId,
            UserName = actor?.Name,
            Ip = actor?.Ip,
            Action = action,
            ElementId = notice.ElementId,
            Detail = detail,
        });
}
