using System.Text.RegularExpressions;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>Who a notice goes to and how they may be reached. Staff need no consent; applicants do (Case.ConsentSms / ConsentEmail).</summary>
public sealed record NoticeRecipient(string Kind, string? Name, string? Phone, string? Email, bool Staff, bool ConsentSms, bool ConsentEmail);

public sealed partial class NoticeRecipients(IDutyDirectory duty)
{
    public async Task<NoticeRecipient> ResolveAsync(NoticeModelContext context, CancellationToken ct)
    {
        var (db, notice) = (context.Db, context.Notice);
        switch (notice.Recipient)
        {
            case "applicant":
                var theCase = notice.CaseId is { } caseId ? await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
                return theCase is null
                    ? new NoticeRecipient("applicant", null, null, null, false, false, false)
                    : new NoticeRecipient("applicant", theCase.ContactPerson ?? theCase.ApplicantName, theCase.Phone, theCase.Email, false, theCase.ConsentSms, theCase.ConsentEmail);
            case "caseOwner":
                var task = notice.WorkTaskId is { } taskId ? await db.Set<WorkTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct) : null;
                return await StaffAsync(db, "caseOwner", await CoreNoticeModelContributor.CaseOwnerIdAsync(context, task, ct), ct);
            case "dutyLeader":
                return await StaffAsync(db, "dutyLeader", notice.BureauId is { } b ? await duty.OnDutyAsync(db, b, Roles.DutyLeader, notice.CreatedAt, ct) : null, ct);
            case "supervisor":
                return await StaffAsync(db, "supervisor", await SupervisorAsync(db, notice, ct), ct);
            // Named staff and plain addresses (the supervision reports' recipients, docs/supervision.md).
            case var named when named.StartsWith("user:", StringComparison.Ordinal):
                return await StaffAsync(db, "user", named["user:".Length..], ct);
            case var address when address.StartsWith("email:", StringComparison.Ordinal):
                return new NoticeRecipient("email", null, null, address["email:".Length..], true, false, true);
            default:
                return new NoticeRecipient(notice.Recipient, null, null, null, true, false, false);
        }
    }

    /// <summary>The supervision office (作风办) of the bureau, else of the nearest bureau above it.</summary>
    private async Task<string?> SupervisorAsync(CoBanDbContext db, Notice notice, CancellationToken ct)
    {
        if (notice.BureauId is not { } bureauId) return null;
        foreach (var bureau in await NoticeTemplateStore.ChainAsync(db, bureauId, ct))
            if (await duty.OnDutyAsync(db, bureau, Roles.Supervisor, notice.CreatedAt, ct) is { } id) return id;
        return null;
    }

    private static async Task<NoticeRecipient> StaffAsync(CoBanDbContext db, string kind, string? userId, CancellationToken ct)
    {
        var user = userId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.Active, ct);
        return new NoticeRecipient(kind, user?.DisplayName, user?.PhoneNumber, user?.Email, true, true, true);
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    /// <summary>A mainland mobile number as providers want it (11 digits), or null.</summary>
    public static string? NormalizeMobile(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(c => char.IsDigit(c)).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return Mobile().IsMatch(digits) ? digits : null;
    }

    /// <summary>Exactly one bare address (MimeKit): a list stored before registration checked it is not sent to.</summary>
    public static bool IsEmail(string? email) => EmailAddresses.IsSingle(email);
}
