using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// 好差评 (国办发〔2019〕51号): five levels, one evaluation per service, after it ended. A bad one
/// (不满意, 非常不满意) starts the bureau's rectification procedure with a deadline in working days
/// set per bureau (<see cref="Bureau.RectificationWorkingDays"/>); real-name ones get a return visit there.
/// </summary>
public sealed class CaseEvaluations(CoBanDbContext db, RuntimeService runtime, Timers.DeadlineService deadlines)
{
    public const string Rectification = "rectification";

    public async Task<Evaluation> EvaluateAsync(long caseId, EvaluationRequest request, string source, Actor actor, CancellationToken ct)
    {
        if (request.Level is not (>= 1 and <= 5))
            throw CoBanException.Invalid("invalid-level", "评价等级应为 1（非常不满意）到 5（非常满意）", "level must be 1 (very dissatisfied) to 5 (very satisfied)",
                new Dictionary<string, string[]> { ["level"] = ["1-5"] });
        var c = await db.Set<Case>().AsNoTracking().FirstAsync(x => x.Id == caseId, ct);
        if (!c.Status.IsFinal())
            throw CoBanException.Conflict("case-open", $"案件尚未办结（{c.Status.Zh()}），办结后才能评价", $"the case is still open ({c.Status.Code()}): it can be evaluated once it has ended");
        if (!c.Status.CanBeEvaluated())
            throw CoBanException.Conflict("not-evaluable", $"该案件已{c.Status.Zh()}，不是一次可评价的服务", $"the case was {c.Status.Code()}: it is not a service that can be evaluated");
        if (await db.Set<Evaluation>().AnyAsync(e => e.CaseId == caseId, ct))
            throw CoBanException.Conflict("already-evaluated", "每次服务只能评价一次，该案件已评价", "one evaluation per service: this case has one already");

        return await runtime.InUnitAsync(actor, async unit =>
        {
            var evaluation = new Evaluation
            {
                CaseId = caseId, Level = request.Level.Value, Comment = request.Comment?.Trim(), RealName = request.RealName == true, Source = source, At = unit.Now,
            };
            var tracked = await unit.Db.Set<Case>().FirstAsync(x => x.Id == caseId, ct);
            unit.Db.Add(evaluation);
            await unit.Db.SaveChangesAsync(ct);
            CaseLifecycle.Write(unit.Db, tracked, unit.Actor, unit.Now, "evaluation.given",
                $"好差评：{CaseQueries.Levels[evaluation.Level]}" + (evaluation.RealName ? "（实名）" : "（匿名）") + (evaluation.Comment is { } text ? $"：{text}" : ""));
            if (!evaluation.IsBad) return evaluation;

            var bureau = await unit.Db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == tracked.BureauId, ct);
            evaluation.RectifyBy = (await deadlines.AddWorkingDaysAsync(unit.Db, bureau.Id, unit.Now, bureau.RectificationWorkingDays, ct)).ToUniversalTime();
            var version = await (from p in unit.Db.Set<Procedure>().AsNoTracking()
                                 join v in unit.Db.Set<ProcedureVersion>().AsNoTracking() on p.Id equals v.ProcedureId
                                 where p.BureauId == bureau.Id && p.Key == Rectification && v.Status == VersionStatus.Published
                                 orderby v.Number descending
                                 select v).FirstOrDefaultAsync(ct)
                ?? throw CoBanException.Conflict("no-procedure", $"{bureau.Name}没有已发布的差评整改流程", $"{bureau.Code} has no published '{Rectification}' procedure");
            var owner = await unit.Db.Users.AsNoTracking().FirstAsync(u => u.Id == tracked.OwnerId, ct);
            var instance = await unit.StartAsync(version, bureau.Id, Rectification, new Engine.Execution.Start(new Dictionary<string, object?>
            {
                ["caseId"] = caseId, ["caseNumber"] = tracked.Number, ["evaluationId"] = evaluation.Id, ["level"] = (long)evaluation.Level,
                ["levelLabel"] = CaseQueries.Levels[evaluation.Level], ["comment"] = evaluation.Comment, ["realName"] = evaluation.RealName,
                ["rectifyBy"] = evaluation.RectifyBy.Value.ToOffset(ChinaTime.Offset), [Tasks.WorkTaskFactory.CaseOwnerVariable] = owner.UserName,
            }), tracked.Number, caseId, null, ct);
            evaluation.RectificationInstanceId = instance.Id;
            CaseLifecycle.Write(unit.Db, tracked, unit.Actor, unit.Now, "evaluation.rectification",
                $"差评启动整改，{bureau.RectificationWorkingDays} 个工作日内（{ChineseDates.Date(evaluation.RectifyBy.Value)} 前）核实整改并答复" + (evaluation.RealName ? "，实名差评须回访" : ""));
            return evaluation;
        }, ct);
    }
}
