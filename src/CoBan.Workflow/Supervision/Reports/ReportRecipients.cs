using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Notices;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

/// <summary>One person or address a report is e-mailed to: <see cref="Recipient"/> is what the notice outbox resolves ("user:&lt;id&gt;" or "email:&lt;address&gt;").</summary>
public sealed record ReportRecipient(string Recipient, string Display, bool Reachable);

/// <summary>Resolves the configured recipient entries (<see cref="ReportOptions.Recipients"/>) for a report of a bureau.</summary>
public sealed class ReportRecipients(CoBanDbContext db)
{
    public async Task<List<ReportRecipient>> ResolveAsync(IEnumerable<string> entries, Bureau bureau, IReadOnlyDictionary<long, Bureau> all, CancellationToken ct)
    {
        var result = new List<ReportRecipient>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            switch (entry)
            {
                case "supervisors":
                    result.AddRange(await NearestAsync(Roles.Supervisor, bureau.Id, all, ct));
                    break;
                case "parentSupervisors":
                    result.AddRange(await NearestAsync(Roles.Supervisor, bureau.ParentId ?? bureau.Id, all, ct));
                    break;
                case "dutyLeaders":
                    result.AddRange(await HoldersAsync(Roles.DutyLeader, bureau.Id, ct));
                    break;
                case var user when user.StartsWith("user:", StringComparison.Ordinal):
                    var name = user["user:".Length..];
                    var found = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name && u.Active, ct);
                    result.Add(found is null ? new ReportRecipient(entry, $"{name}（用户不存在或已停用）", false) : Of(found));
                    break;
                case var address when NoticeRecipients.IsEmail(address):
                    result.Add(new ReportRecipient("email:" + address, address, true));
                    break;
                default:
                    result.Add(new ReportRecipient(entry, $"{entry}（无法识别的收件人）", false));
                    break;
            }
        }
        return result.DistinctBy(r => r.Recipient).ToList();
    }

    /// <summary>The role's holders at the bureau, else at the nearest bureau above that has any.</summary>
    private async Task<List<ReportRecipient>> NearestAsync(string role, long bureauId, IReadOnlyDictionary<long, Bureau> all, CancellationToken ct)
    {
        for (long? at = bureauId; at is { } id; at = all.GetValueOrDefault(id)?.ParentId)
        {
            var holders = await HoldersAsync(role, id, ct);
            if (holders.Count > 0) return holders;
        }
        return [];
    }

    private async Task<List<ReportRecipient>> HoldersAsync(string role, long bureauId, CancellationToken ct) =>
        (await (from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.BureauId == bureauId && u.Active && r.Name == role
                orderby u.UserName
                select u).ToListAsync(ct)).Select(Of).ToList();

    private static ReportRecipient Of(AppUser u) => NoticeRecipients.IsEmail(u.Email)
        ? new ReportRecipient("user:" + u.Id, $"{u.DisplayName} <{u.Email}>", true)
        : new ReportRecipient("user:" + u.Id, $"{u.DisplayName}（无电子邮箱，未发送）", false);
}
