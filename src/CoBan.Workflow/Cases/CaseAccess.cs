using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// Who may read and act on a case. A case belongs to its bureau (and to the administrators and
/// supervisors above it, BureauScope); another bureau sees it only when linked to it: by the case's
/// joint chain, by a transfer (either way), or as the town centre a village request was forwarded to.
/// </summary>
public sealed class CaseAccess(CoBanDbContext db, CurrentUser me, BureauScope scope)
{
    public async Task<Case> ReadableAsync(long id, CancellationToken ct)
    {
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw CoBanException.NotFound("案件", "case");
        await DemandReadAsync(c, ct);
        return c;
    }

    public async Task DemandReadAsync(Case c, CancellationToken ct)
    {
        if (!await CanReadAsync(c, ct))
            throw CoBanException.Forbidden("无权查看其他单位的案件", "you may not read another bureau's case");
    }

    public async Task<bool> CanReadAsync(Case c, CancellationToken ct)
    {
        if (await scope.CanSeeAsync(c.BureauId, ct)) return true;
        var mine = me.BureauId;
        if (c.ForwardedToBureauId == mine) return true;
        if (c.ChainId is { } chain && await db.Set<Case>().AnyAsync(x => x.ChainId == chain && x.BureauId == mine, ct)) return true;
        return await db.Set<Transfer>().AnyAsync(t => (t.FromCaseId == c.Id && t.ToBureauId == mine) || (t.ReceivingCaseId == c.Id && t.FromBureauId == mine), ct);
    }

    /// <summary>Ids of other bureaus' cases linked to the caller's bureau (for lists).</summary>
    public IQueryable<long> Linked()
    {
        var mine = me.BureauId;
        var chains = db.Set<Case>().Where(x => x.BureauId == mine && x.ChainId != null).Select(x => x.ChainId);
        return db.Set<Case>().Where(x => x.ForwardedToBureauId == mine || chains.Contains(x.ChainId)).Select(x => x.Id)
            .Concat(db.Set<Transfer>().Where(t => t.ToBureauId == mine).Select(t => t.FromCaseId))
            .Concat(db.Set<Transfer>().Where(t => t.FromBureauId == mine && t.ReceivingCaseId != null).Select(t => t.ReceivingCaseId!.Value));
    }

    /// <summary>Acting on the case itself (withdrawal, evaluation at the desk): its owner, or a duty leader of its bureau.</summary>
    public void DemandOwnerOrLeader(Case c)
    {
        if (me.Id == c.OwnerId || IsLeaderOf(c)) return;
        throw CoBanException.Forbidden("只有案件的协办员或本单位带班领导可以办理此操作", "only the case's coordinator or a duty leader of its bureau may do this");
    }

    /// <summary>Reassigning and revoking are for the duty leader (分管责任人, seeds 001/002), with a reason.</summary>
    public void DemandLeader(Case c)
    {
        if (IsLeaderOf(c)) return;
        throw CoBanException.Forbidden("只有本单位带班领导可以办理此操作", "only a duty leader of the case's bureau may do this");
    }

    private bool IsLeaderOf(Case c) => me.IsIn(Roles.DutyLeader) && me.BureauId == c.BureauId;
}
