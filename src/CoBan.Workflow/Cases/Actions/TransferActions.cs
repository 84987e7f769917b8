using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// case.transfer — 移办告知 (seed 000 移办件): the reasons this bureau does not accept the matter, the
/// legal basis, and the competent bureau. Across levels it is a 转办 (seed 003), tracked and pushed by
/// the sender. Form: toBureau (code; default the competent bureau found at classification), reasons,
/// legalBasis (required), crossLevel.
/// </summary>
public sealed class TransferAction : CaseAction
{
    public override string Name => "case.transfer";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        step.DemandOpen("移办");
        var code = step.Text("toBureau") ?? step.Text("competentBureau")
            ?? throw Invalid("toBureau", "请选择有权办理的单位", "choose the competent bureau");
        var to = await step.Db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code && b.Active, ct)
            ?? throw Invalid("toBureau", $"单位 '{code}' 不存在或已停用", $"there is no active bureau '{code}'");
        if (to.Id == c.BureauId)
            throw Invalid("toBureau", "不能移办给本单位：移办件是本单位无权办理的事项", "a case cannot be transferred to its own bureau");
        var reasons = step.Text("reasons") ?? throw Invalid("reasons", "请写明本单位不予受理的原因", "state why this bureau does not accept it");
        // The transfer notice tells the applicant the basis of the refusal (seed 000: 原因、依据和有权单位).
        var basis = step.Text("legalBasis") ?? throw Invalid("legalBasis", "请写明本单位不予受理的依据", "state the legal basis for not accepting it");
        var from = await step.Db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == c.BureauId, ct);
        var crossLevel = step.Bool("crossLevel") || to.Level != from.Level || c.ServiceMode == ServiceMode.Transfer;
        if (await step.Db.Set<Transfer>().AnyAsync(t => t.FromCaseId == c.Id && t.Status == TransferStatus.Sent, ct))
            throw CoBanException.Conflict("transfer-pending", "已有一个待接收的移办", "a transfer of this case is already waiting for an answer");
        var transfer = new Transfer
        {
            FromCaseId = c.Id, FromBureauId = c.BureauId, ToBureauId = to.Id, Reasons = reasons, LegalBasis = basis,
            CrossLevel = crossLevel, Status = TransferStatus.Sent, SentAt = step.Now, SentBy = step.Actor.UserId,
        };
        step.Db.Add(transfer);
        await step.Db.SaveChangesAsync(ct);
        step.Journal("case.transfer", $"{(crossLevel ? "转办" : "移办")}至{to.Name}：{reasons}" + (transfer.LegalBasis is { } b ? $"（依据：{b}）" : ""));
        return Out(("transferId", transfer.Id), ("toBureau", to.Code), ("toBureauName", to.Name), ("crossLevel", crossLevel), ("transferReasons", reasons), ("transferLegalBasis", transfer.LegalBasis));
    }
}

/// <summary>
/// transfer.respond — the competent bureau's coordinator receives the transfer (接收移办): accepting
/// registers the case there (as an own or joint case, by that bureau's own intake procedure, the
/// accepting coordinator owning it), refusing states why. Form: decision (accept|refuse), refusalReason.
/// </summary>
public sealed class TransferRespondAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "transfer.respond";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var db = step.Db;
        var transfer = await db.Set<Transfer>().Where(t => t.FromCaseId == c.Id && t.Status == TransferStatus.Sent).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct)
            ?? throw CoBanException.Conflict("no-transfer", "没有待接收的移办", "no transfer is waiting for an answer");
        var actor = await db.Users.FirstOrDefaultAsync(u => u.Id == step.Actor.UserId, ct);
        if (actor is null || actor.BureauId != transfer.ToBureauId)
            throw CoBanException.Forbidden("只有接收单位的协办员可以接收或拒收移办", "only a coordinator of the receiving bureau may answer the transfer");
        var to = await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == transfer.ToBureauId, ct);
        transfer.RespondedAt = step.Now;
        transfer.RespondedBy = actor.Id;
        if (step.Text("decision") == "refuse")
        {
            transfer.Status = TransferStatus.Refused;
            transfer.RefusalReason = step.Text("refusalReason") ?? throw Invalid("refusalReason", "拒收须写明理由", "a refusal needs its reason");
            step.Journal("transfer.refused", $"{to.Name} {actor.DisplayName} 拒收移办：{transfer.RefusalReason}");
            return Out(("accepted", false), ("refusalReason", transfer.RefusalReason));
        }
        if (step.Text("decision") != "accept") throw Invalid("decision", "请选择接收或拒收", "choose accept or refuse");

        var receiving = await LinkedCases.OpenAsync(step, c, to, actor, null, null, $"接收{c.Number}的移办（{(transfer.CrossLevel ? "转办" : "移办")}），由 {actor.DisplayName} 登记", ct);
        transfer.Status = TransferStatus.Accepted;
        transfer.ReceivingCaseId = receiving.Id;
        c.Result = $"已移交{to.Name}（{receiving.Number}）";
        await step.MoveAsync(lifecycle, transfer.CrossLevel ? CaseStatus.TransferTracking : CaseStatus.Transferred,
            $"{to.Name} {actor.DisplayName} 已接收，登记为 {receiving.Number}" + (transfer.CrossLevel ? "；本单位跟踪督促办理进度" : ""), ct);
        return Out(("accepted", true), ("receivingCaseId", receiving.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("receivingCaseNumber", receiving.Number), ("receivingCoordinator", actor.DisplayName));
    }
}

/// <summary>case.pushTransfer — the sender pushes the receiving bureau on a 转办 (跟踪督促, seed 003). Form: note.</summary>
public sealed class PushTransferAction : CaseAction
{
    public override string Name => "case.pushTransfer";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var note = step.Text("note") ?? throw Invalid("note", "请记录催办情况", "record how the receiving bureau was pushed");
        step.Journal("transfer.pushed", $"催办：{note}");
        return Task.FromResult<Vars?>(null);
    }
}

/// <summary>case.trackTransfer — the receiving case ended: the 转办 is done for the sender (已移交).</summary>
public sealed class TrackTransferAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "case.trackTransfer";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var transfer = await step.Db.Set<Transfer>().Where(t => t.FromCaseId == c.Id && t.Status == TransferStatus.Accepted).OrderByDescending(t => t.Id).FirstAsync(ct);
        transfer.ReceivingEndedAt = step.Now;
        var ended = step.Text("endedCaseStatusZh") ?? "已办结";
        c.Result = $"{c.Result}；接收单位办理结果：{ended}";
        await step.MoveAsync(lifecycle, CaseStatus.Transferred, $"转办跟踪结束：接收单位{ended}", ct);
        return null;
    }
}
