using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

public sealed record FollowUpRequest(long? CaseId, string? Note, DateOnly? DueOn);
public sealed record CloseFollowUpRequest(string? Resolution);

/// <summary>
/// A supervisor puts a case on the follow-up list (挂账督办) with a note and a date, and closes the
/// follow-up with what was done. Only supervisors, and only for cases of bureaus in their scope;
/// each change is a line in the case's journal, so the desk sees it on the case's timeline.
/// </summary>
public sealed class FollowUpCommands(CoBanDbContext db, CurrentUser me, BureauScope scope, TimeProvider clock)
{
    public async Task<FollowUp> AddAsync(FollowUpRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Supervisor);
        var caseId = request.CaseId ?? throw Field("caseId", "请指定案件", "the case is required");
        var c = await db.Set<Case>().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw CoBanException.NotFound("案件", "case");
        await scope.DemandAsync(c.BureauId, ct);
        var note = request.Note?.Trim();
        if (string.IsNullOrEmpty(note)) throw Field("note", "请填写督办意见", "the follow-up note is required");
        if (note.Length > 2000) throw Field("note", "督办意见不能超过 2000 字", "the note may not be longer than 2000 characters");
        var now = clock.GetUtcNow();
        var dueOn = request.DueOn ?? throw Field("dueOn", "请填写督办期限", "the date to deal with it by is required");
        if (dueOn < Period.LocalDate(now)) throw Field("dueOn", "督办期限不能早于今天", "the date may not be in the past");
        var followUp = new FollowUp
        {
            CaseId = c.Id, BureauId = c.BureauId, Note = note, DueOn = dueOn, Status = FollowUpStatus.Open, CreatedAt = now,
            CreatedById = me.Id!, CreatedByName = me.DisplayName,
        };
        db.Add(followUp);
        CaseLifecycle.Write(db, c, me.Actor, now, "supervision.followUp", $"{me.DisplayName} 挂账督办：{note}（限 {dueOn.Year}年{dueOn.Month}月{dueOn.Day}日 前办理）",
            null, JsonDefaults.Write(new { dueOn }));
        await db.SaveChangesAsync(ct);
        return followUp;
    }

    public async Task<FollowUp> CloseAsync(long id, CloseFollowUpRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Supervisor);
        var followUp = await db.Set<FollowUp>().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw CoBanException.NotFound("督办事项", "follow-up");
        await scope.DemandAsync(followUp.BureauId, ct);
        if (followUp.Status == FollowUpStatus.Closed) throw CoBanException.Conflict("follow-up-closed", "该督办事项已销账", "the follow-up is already closed");
        var resolution = request.Resolution?.Trim();
        if (string.IsNullOrEmpty(resolution)) throw Field("resolution", "请填写办理结果（整改落实情况）", "say how it was dealt with");
        var now = clock.GetUtcNow();
        followUp.Status = FollowUpStatus.Closed;
        followUp.ClosedAt = now;
        followUp.ClosedById = me.Id;
        followUp.ClosedByName = me.DisplayName;
        followUp.Resolution = resolution.Length > 2000 ? resolution[..2000] : resolution;
        followUp.RowVersion++;
        var c = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == followUp.CaseId, ct);
        var late = followUp.DueOn < Period.LocalDate(now) ? "（超过督办期限）" : "";
        CaseLifecycle.Write(db, c, me.Actor, now, "supervision.followUpClosed", $"{me.DisplayName} 督办销账{late}：{followUp.Resolution}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CoBanException.Conflict("follow-up-changed", "该督办事项已被他人修改，请刷新后重试", "the follow-up was changed by someone else; reload and try again");
        }
        return followUp;
    }

    private static CoBanException Field(string field, string zh, string en) =>
        CoBanException.Invalid("invalid-" + field, zh, en, new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });
}
