using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// case.supplement — materials handed in after the one-time notice (补正), or the item promised under
/// 容缺受理. Only what the notice listed counts: the list never changes (seed 004 一次性告知).
/// Form: received (list of material names), withdrawn (the applicant gives up: 撤件).
/// Returns supplement = complete | missing | withdrawn, and missingCount.
/// </summary>
public sealed class SupplementAction : CaseAction
{
    public override string Name => "case.supplement";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        step.DemandOpen("补正");
        if (step.Bool("withdrawn"))
        {
            step.Journal("case.supplement", "申请人放弃补正，撤件");
            return Task.FromResult<Vars?>(Out(("supplement", "withdrawn"), ("missingCount", (long)JsonDefaults.ReadList(c.MaterialsMissing).Count)));
        }
        var missing = JsonDefaults.ReadList(c.MaterialsMissing);
        var received = step.List("received");
        var unknown = received.Where(r => !missing.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw Invalid("received", $"不在一次性告知的缺件清单中：{string.Join("、", unknown)}", $"not on the one-time notice's list: {string.Join(", ", unknown)}");
        if (received.Count == 0)
            throw Invalid("received", "请勾选申请人补交的材料，或选择撤件", "tick the materials handed in, or record a withdrawal");
        var stillMissing = missing.Except(received).ToList();
        if (step.Text("mode") == "tolerant" && stillMissing.Count > 0)
            throw Invalid("received", $"容缺材料须全部补齐，仍缺：{string.Join("、", stillMissing)}", $"every promised item must be supplied; still missing: {stillMissing.Count}");
        c.MaterialsReceived = JsonDefaults.WriteList(JsonDefaults.ReadList(c.MaterialsReceived).Concat(received).Distinct());
        c.MaterialsMissing = JsonDefaults.WriteList(stillMissing);
        c.RowVersion++;
        step.Journal("case.supplement", $"补交材料：{string.Join("、", received)}" + (stillMissing.Count == 0 ? "；材料已齐全" : $"；仍缺：{string.Join("、", stillMissing)}（按原清单，不另行告知）"));
        return Task.FromResult<Vars?>(Out(("supplement", stillMissing.Count == 0 ? "complete" : "missing"), ("missingCount", (long)stillMissing.Count)));
    }
}

/// <summary>
/// case.decide — the handling result recorded on a handling task: approved, rejected (with the result
/// or reasons), or special (a 特别程序 starts: inspection, testing, approval, hearing, expert review).
/// Form: outcome, result, specialKind, specialReason.
/// </summary>
public sealed class DecideAction : CaseAction
{
    public override string Name => "case.decide";

    private static readonly Dictionary<string, string> SpecialKinds = new()
    {
        ["inspection"] = "现场勘查", ["testing"] = "检验检测检疫", ["approval"] = "上级审批", ["hearing"] = "听证", ["expert"] = "专家评审",
    };

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        step.DemandOpen("办理");
        var outcome = step.Text("outcome");
        var result = step.Text("result");
        switch (outcome)
        {
            case "approved":
                break;
            case "rejected":
                if (result is null) throw Invalid("result", "不通过须写明原因", "a rejection needs its reasons");
                break;
            case "special":
                var kind = step.Text("specialKind");
                if (kind is null || !SpecialKinds.ContainsKey(kind))
                    throw Invalid("specialKind", $"请选择特别程序类型：{string.Join("、", SpecialKinds.Values)}", $"choose the special procedure: {string.Join(", ", SpecialKinds.Keys)}");
                break;
            default:
                throw Invalid("outcome", $"办理结果 '{outcome}' 无效", $"invalid outcome '{outcome}'");
        }
        if (result is not null) c.Result = result;
        c.RowVersion++;
        step.Journal("case.decided", outcome switch
        {
            "approved" => "办理结果：通过" + (result is null ? "" : $"（{result}）"),
            "rejected" => $"办理结果：不通过（{result}）",
            _ => $"需进入特别程序：{SpecialKinds[step.Text("specialKind")!]}",
        });
        return Task.FromResult<Vars?>(Out(("outcome", outcome), ("result", result)));
    }

    internal static string KindZh(string kind) => SpecialKinds.GetValueOrDefault(kind, kind);
}

/// <summary>
/// case.pause — 特别程序开始 (行政许可法 Art. 45: hearings, inspection, testing, expert review do not
/// count toward the limit): the clock stops. Parameters: specialKind, specialReason.
/// </summary>
public sealed class PauseAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "case.pause";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        if (c.Paused) throw CoBanException.Conflict("already-paused", "案件已在特别程序中", "the case is already in a special procedure");
        var kind = step.Text("specialKind") ?? "inspection";
        step.Db.Add(new CaseSpecialProcedure { CaseId = c.Id, Kind = kind, Reason = step.Text("specialReason"), StartedAt = step.Now });
        c.Paused = true;
        c.PausedAt = step.Now;
        await step.MoveAsync(lifecycle, CaseStatus.SpecialStarted, $"{DecideAction.KindZh(kind)}，期间不计入办理时限" + (step.Text("specialReason") is { } r ? $"（{r}）" : ""), ct);
        return Out(("paused", true));
    }
}

/// <summary>
/// case.resume — 特别程序结束: the working days the procedure took are given back to the deadline
/// (docs/calendar.md, DeadlineMath.Resume). Parameter: specialResult. Returns the new caseDeadline.
/// </summary>
public sealed class ResumeAction(CaseLifecycle lifecycle, Timers.DeadlineService deadlines) : CaseAction
{
    public override string Name => "case.resume";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        if (!c.Paused || c.PausedAt is not { } pausedAt) throw CoBanException.Conflict("not-paused", "案件不在特别程序中", "the case is not in a special procedure");
        var procedure = await step.Db.Set<CaseSpecialProcedure>().Where(p => p.CaseId == c.Id && p.EndedAt == null).OrderByDescending(p => p.Id).FirstAsync(ct);
        var before = c.Deadline;
        var givenBack = 0;
        if (c.Deadline is { } deadline)
        {
            (var moved, givenBack) = await deadlines.GiveBackPauseAsync(step.Db, c.BureauId, deadline, pausedAt, step.Now, ct);
            c.Deadline = moved.ToUniversalTime();
        }
        procedure.EndedAt = step.Now;
        procedure.WorkingDaysGivenBack = givenBack;
        procedure.Result = step.Text("specialResult");
        c.Paused = false;
        c.PausedAt = null;
        c.OverdueAt = null;
        await step.MoveAsync(lifecycle, CaseStatus.SpecialEnded,
            $"{DecideAction.KindZh(procedure.Kind)}结束，扣除 {givenBack} 个工作日" + (c.Deadline is { } d ? $"，办结期限顺延至 {ChineseDates.DateTime(d)}" : ""), ct);
        step.Journal("case.deadline", "特别程序结束，期限顺延", JsonDefaults.Write(new { deadline = before }), JsonDefaults.Write(new { deadline = c.Deadline }));
        return Out(("caseDeadline", c.Deadline?.ToOffset(ChinaTime.Offset)), ("paused", false));
    }
}

/// <summary>case.flagOverdue — the committed deadline passed with the case open: flagged for follow-up (挂账督办, seed 000).</summary>
public sealed class FlagOverdueAction : CaseAction
{
    public override string Name => "case.flagOverdue";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        if (!c.Status.IsFinal() && !c.Paused)
        {
            c.OverdueAt ??= step.Now;
            c.RowVersion++;
            step.Journal("case.overdue", $"超过承诺期限（{(c.Deadline is { } d ? ChineseDates.DateTime(d) : "-")}）未办结，挂账督办，报带班领导");
        }
        return Task.FromResult<Vars?>(Out(("overdue", true)));
    }
}

/// <summary>case.supervise — the duty leader's instruction on an overdue case (带班领导督办). Form: instruction.</summary>
public sealed class SuperviseAction : CaseAction
{
    public override string Name => "case.supervise";

    protected override Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var instruction = step.Text("instruction") ?? throw Invalid("instruction", "请填写督办意见", "the instruction is required");
        step.Journal("case.supervised", $"{step.Actor.Name} 督办：{instruction}");
        return Task.FromResult<Vars?>(null);
    }
}
