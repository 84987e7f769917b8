using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// The joint chain (联办件, seeds 000/001): each bureau of the matter's chain handles its part as an
/// own case in its own instance, in order. A hand-over opens the next bureau's case, owned by the
/// coordinator on duty there, and the applicant is told where to go next (joint-guidance).
/// </summary>
public abstract class JointAction(IDutyDirectory duty, CaseLifecycle lifecycle) : CaseAction
{
    protected async Task<Vars?> OpenLinkAsync(CaseStep step, int position, string verbZh, CancellationToken ct)
    {
        var c = step.Case;
        var chain = await step.Db.Set<JointChain>().FirstAsync(j => j.Id == c.ChainId, ct);
        var link = await step.Db.Set<MatterChainLink>().AsNoTracking().FirstOrDefaultAsync(l => l.MatterId == chain.MatterId && l.Position == position, ct)
            ?? throw CoBanException.Conflict("no-link", $"联办事项没有第 {position} 环节", $"the joint matter has no link {position}");
        var bureau = await step.Db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == link.BureauId, ct);
        var ownerId = await duty.OnDutyAsync(step.Db, bureau.Id, Roles.Coordinator, step.Now, ct)
            ?? throw CoBanException.Conflict("no-coordinator", $"{bureau.Name}今天没有值班协办员，无法移交", $"{bureau.Code} has no coordinator on duty to receive the hand-over");
        var owner = await step.Db.Users.FirstAsync(u => u.Id == ownerId, ct);
        var next = await LinkedCases.OpenAsync(step, c, bureau, owner, chain.Id, link,
            $"联办第 {position} 环节（{link.Part}），由{c.Number}{verbZh}，值班协办员 {owner.DisplayName} 承办", ct);
        c.Result = $"{verbZh}{bureau.Name}（{next.Number}，协办员 {owner.DisplayName}）";
        await step.MoveAsync(lifecycle, CaseStatus.HandedOver, c.Result, ct);
        return Out(("nextBureau", bureau.Code), ("nextBureauName", bureau.Name), ("nextBureauWindows", bureau.Windows), ("nextBureauPhone", bureau.Phone),
            ("nextPart", link.Part), ("nextCaseNumber", next.Number), ("nextCoordinator", owner.DisplayName), ("nextCoordinatorPhone", owner.OfficePhone));
    }
}

/// <summary>case.guideToFirstLink — registered at a middle or last link: guide the applicant to the first link's bureau (seed 000).</summary>
public sealed class GuideToFirstLinkAction(IDutyDirectory duty, CaseLifecycle lifecycle) : JointAction(duty, lifecycle)
{
    public override string Name => "case.guideToFirstLink";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        if (step.Case.ChainId is null || step.Case.ChainPosition is not null)
            throw CoBanException.Conflict("not-entry", "只有在中间或最后环节受理的联办件才导引至第一环节", "only a joint case registered at a middle or last link is guided to the first link");
        return OpenLinkAsync(step, 1, "导引至第一环节", ct);
    }
}

/// <summary>case.handOver — this link's part is done: open the next link's case (seed 001: 导引服务对象到后续职能部门协办员).</summary>
public sealed class HandOverAction(IDutyDirectory duty, CaseLifecycle lifecycle) : JointAction(duty, lifecycle)
{
    public override string Name => "case.handOver";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        if (c.ChainPosition is not { } position)
            throw CoBanException.Conflict("not-link", "案件不是联办链条中的一个环节", "the case is not a link of a joint chain");
        if (c.Status is not (CaseStatus.CompletedApproved or CaseStatus.CompletedTolerant))
            throw CoBanException.Conflict("part-not-done", $"本环节尚未办结（当前：{c.Status.Zh()}），不能移交下一环节", "this link's part is not done; it cannot be handed over");
        return OpenLinkAsync(step, position + 1, "移交下一环节", ct);
    }
}

/// <summary>case.completeChain — the last link's part is done: the whole joint case is complete.</summary>
public sealed class CompleteChainAction : CaseAction
{
    public override string Name => "case.completeChain";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var chain = await step.Db.Set<JointChain>().FirstOrDefaultAsync(j => j.Id == c.ChainId, ct)
            ?? throw CoBanException.Conflict("not-link", "案件不属于联办链条", "the case belongs to no joint chain");
        chain.Completed = true;
        chain.CompletedAt = step.Now;
        step.Journal("chain.completed", $"联办件全部环节办结（最后环节 {c.Number}）");
        return Out(("chainCompleted", true));
    }
}
