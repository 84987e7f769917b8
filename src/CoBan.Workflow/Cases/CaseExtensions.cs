using System.Text.Encodings.Web;
using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

public sealed record ExtensionRequest(int? WorkingDays, string? Reason);

/// <summary>
/// Lawful extension of a committed deadline (行政许可法 Art. 42: a decision not reached in the limit may be extended once, by
/// up to 10 days, with the approval of the head, and the applicant is told the reason). Here: once per case, 1–10 working
/// days, by a duty leader of the case's bureau with a reason; the deadline moves from the current one (still at the close of
/// business), with the handling task's due date and the 承诺期限届满 timer; journaled <see cref="Action"/> (before/after,
/// days, reason: supervision counts extended cases from these entries); the applicant gets a new receipt with the new date
/// and the reason (a written notice; the notices feature picks the channels the applicant consented to).
/// </summary>
public sealed class CaseExtensions(CurrentUser me, CaseAccess access, RuntimeService runtime, DeadlineService deadlines, CaseDeadlineRecompute follow)
{
    public const int MaxWorkingDays = 10;
    public const string Action = "deadline.extended";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task ExtendAsync(long id, ExtensionRequest request, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        access.DemandLeader(c);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw Field("reason", "延期须写明理由（将告知申请人）", "an extension needs a reason (the applicant is told)");
        if (reason.Length > TextLimits.Long)
            throw Field("reason", $"理由最多 {TextLimits.Long} 字", $"the reason is at most {TextLimits.Long} characters");
        if (request.WorkingDays is not (>= 1 and <= MaxWorkingDays) || request.WorkingDays is not { } days)
            throw Field("workingDays", $"延长期限应为 1 到 {MaxWorkingDays} 个工作日（行政许可法第四十二条）", $"an extension is 1 to {MaxWorkingDays} working days (Administrative Licensing Law Art. 42)");
        if (c.Status.IsFinal()) throw CoBanException.Conflict("case-ended", "案件已结束，不能延期", "the case has ended; it cannot be extended");
        if (c.Kind != CaseKind.Commitment || c.Deadline is null)
            throw CoBanException.Conflict("not-commitment", "只有已受理的承诺件可以延期", "only an accepted commitment case can be extended");
        if (c.Paused) throw CoBanException.Conflict("paused", "特别程序期间暂停计时，结束后再决定是否延期", "the clock is stopped by a special procedure; decide on an extension after it");

        await runtime.InUnitAsync(me.Actor, async unit =>
        {
            if (await unit.Db.Set<Journal.JournalEntry>().AnyAsync(j => j.CaseId == id && j.Action == Action, ct))
                throw CoBanException.Conflict("already-extended", "承诺期限只能依法延长一次，本案已延期", "a committed deadline is extended once only: this case already was");
            var tracked = await unit.Db.Set<Case>().FirstAsync(x => x.Id == id, ct);
            var old = tracked.Deadline!.Value;
            var extended = (await deadlines.AddWorkingDaysAsync(unit.Db, tracked.BureauId, old, days, ct)).ToUniversalTime();
            tracked.Deadline = extended;
            tracked.RowVersion++;
            if (tracked.OverdueAt is not null && extended > unit.Now) tracked.OverdueAt = null;
            await follow.FollowAsync(unit, tracked, old, extended, $"带班领导批准延期：{reason}", ct);
            CaseLifecycle.Write(unit.Db, tracked, unit.Actor, unit.Now, Action,
                $"{me.DisplayName} 批准延期 {days} 个工作日（行政许可法第四十二条），承诺办结期限由 {ChineseDates.DateTime(old)} 延至 {ChineseDates.DateTime(extended)}，理由：{reason}",
                null, JsonDefaults.Write(new { deadline = old }), JsonDefaults.Write(new { deadline = extended, workingDays = days, reason }));
            unit.Db.Add(new Notice
            {
                IdempotencyKey = $"extension:{id}", InstanceId = tracked.InstanceId, CaseId = id, BureauId = tracked.BureauId,
                Template = "receipt", Recipient = "applicant", Status = NoticeStatus.Pending, CreatedAt = unit.Now,
                Variables = JsonSerializer.Serialize(new
                {
                    caseId = id, previousDue = old, previousDueLocal = DeadlineService.Local(old), due = extended, dueLocal = DeadlineService.Local(extended),
                    extendedWorkingDays = days, reason, ownerUserId = tracked.OwnerId, recipientUserId = tracked.OwnerId, cause = "extension",
                }, Json),
            });
            unit.NoticesAdded = true;
            return tracked;
        }, ct);
    }

    private static CoBanException Field(string field, string zh, string en) =>
        CoBanException.Invalid("invalid-" + field, zh, en, new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });
}
