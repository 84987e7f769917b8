
namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// case.setStatus — a plain step of the life cycle: supplementStarted (补正开始: the one-time notice
/// follows), supplementEnded (补正结束), handling (部门开始办理). Parameter: status.
/// </summary>
public sealed class SetStatusAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "case.setStatus";

    private static readonly CaseStatus[] Plain = [CaseStatus.SupplementStarted, CaseStatus.SupplementEnded, CaseStatus.Handling];

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var status = EnumCodes.Parse<CaseStatus>(step.Text("status"), "status");
        if (!Plain.Contains(status))
            throw Invalid("status", $"case.setStatus 只能设置 补正开始、补正结束、部门开始办理；“{status.Zh()}”有专门的动作",
                $"case.setStatus sets supplementStarted, supplementEnded or handling only; {status.Code()} has its own action");
        var c = step.Case;
        var detail = step.Text("note") ?? status.Zh();
        if (status == CaseStatus.SupplementStarted)
        {
            // 一次性告知 (行政许可法 Art. 32; seed 004): everything missing, once.
            if (c.MissingNoticeAt is not null)
                throw CoBanException.Conflict("notice-given", "一次性告知已出具，不能再次告知", "the one-time notice was already given");
            c.MissingNoticeAt = step.Now;
            detail = $"一次性告知缺件：{string.Join("、", JsonDefaults.ReadList(c.MaterialsMissing))}";
        }
        await step.MoveAsync(lifecycle, status, detail, ct);
        return Out(("caseStatus", status.Code()));
    }
}

/// <summary>
/// case.accept — 已受理: the committed deadline is set from the working days the coordinator committed
/// to (承诺件), or the same day for an immediate case (即办件), and ends at the close of its last working day
/// (the bureau's service hours, else 24:00: 民法典 Art. 203). A village agency request takes the matter's limit.
/// The deadline is counted before anything changes: one that cannot be counted leaves the case as it was.
/// Returns caseDeadline for the tasks and timers that follow.
/// </summary>
public sealed class AcceptAction(CaseLifecycle lifecycle, Timers.DeadlineService deadlines) : CaseAction
{
    public override string Name => "case.accept";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var matter = await step.MatterAsync(ct);
        var kind = c.Kind ?? (matter.LimitWorkingDays > 0 ? CaseKind.Commitment : CaseKind.Immediate);
        var committed = c.Kind is null ? matter.LimitWorkingDays : c.CommittedWorkingDays;
        var days = kind == CaseKind.Immediate ? 0 : committed ?? matter.LimitWorkingDays;
        var deadline = days > 0
            ? await deadlines.CommittedDeadlineAsync(step.Db, c.BureauId, step.Now, days, ct)
            : await SameDayAsync(step, deadlines, ct);
        if (c.Kind is null)
        {
            c.Kind = kind;
            c.CommittedWorkingDays = matter.LimitWorkingDays;
        }
        await step.MoveAsync(lifecycle, CaseStatus.Accepted, $"{kind.Zh()}" + (days > 0 ? $"，承诺 {days} 个工作日" : "，当日办结"), ct);
        c.Deadline = deadline.ToUniversalTime();
        step.Journal("case.deadline", $"承诺办结期限：{ChineseDates.DateTime(c.Deadline.Value)}", null, JsonDefaults.Write(new { deadline = c.Deadline }));
        return Out(("caseDeadline", c.Deadline.Value.ToOffset(ChinaTime.Offset)), ("kind", kind.Code()), ("tolerant", c.Tolerant), ("supplementBy", c.SupplementBy?.ToOffset(ChinaTime.Offset)));
    }

    /// <summary>
    /// 即办件: answered the same day (seed 000: 当天或当场), i.e. by the bureau's closing time. One registered after closing,
    /// or on a day the hall does not work, is due at the close of the next working day: it is not overdue the moment it is accepted.
    /// </summary>
    private static async Task<DateTimeOffset> SameDayAsync(CaseStep step, Timers.DeadlineService deadlines, CancellationToken ct)
    {
        var local = step.Now.ToOffset(ChinaTime.Offset);
        var close = await deadlines.CloseAsync(step.Db, step.Case.BureauId, ct);
        var closing = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(close), ChinaTime.Offset);
        var yesterday = local.AddDays(-1);
        var workingToday = await deadlines.WorkingDaysLeftAsync(step.Db, step.Case.BureauId, yesterday, local, ct) == 1;
        if (workingToday && step.Now < closing) return closing.ToUniversalTime();
        return await deadlines.CommittedDeadlineAsync(step.Db, step.Case.BureauId, local, 1, ct);
    }
}

/// <summary>
/// case.close — ends a case that is not handled to a decision: withdrawn (已撤件: the applicant withdrew
/// before acceptance), notAccepted (不予受理: a returned case, 退回件), notReceived (不受理: a transfer
/// nobody competent accepted). Parameters: status, reason.
/// </summary>
public sealed class CloseAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "case.close";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var status = EnumCodes.Parse<CaseStatus>(step.Text("status"), "status");
        if (status is not (CaseStatus.Withdrawn or CaseStatus.NotAccepted or CaseStatus.NotReceived))
            throw Invalid("status", "case.close 只能设置 已撤件、不予受理、不受理", "case.close ends a case as withdrawn, notAccepted or notReceived only");
        var c = step.Case;
        var reason = step.Text("reason");
        if (status == CaseStatus.NotAccepted && c.RejectionReasons is not null)
            reason = $"{string.Join("；", JsonDefaults.ReadList(c.RejectionReasons))}（依据：{c.RejectionLegalBasis}）";
        c.Result = reason ?? status.Zh();
        await step.MoveAsync(lifecycle, status, c.Result, ct);
        return Out(("caseStatus", status.Code()));
    }
}

/// <summary>
/// case.complete — 办结: approved (办结（通过）, or 办结（容缺通过） for a 容缺受理 case) or rejected
/// (办结（不通过）). Parameters: outcome (approved|rejected), result, legalBasis (of a rejection).
/// </summary>
public sealed class CompleteAction(CaseLifecycle lifecycle) : CaseAction
{
    public override string Name => "case.complete";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        var outcome = step.Text("outcome");
        var status = outcome switch
        {
            "approved" => c.Tolerant ? CaseStatus.CompletedTolerant : CaseStatus.CompletedApproved,
            "rejected" => CaseStatus.CompletedRejected,
            _ => throw Invalid("outcome", $"办结结果 '{outcome}' 无效：应为 approved 或 rejected", $"invalid outcome '{outcome}': use approved or rejected"),
        };
        if (step.Text("result") is { } result) c.Result = result;
        // 办结（不通过） is a refusal: its basis goes on the reply with the right to appeal (行政许可法 Art. 38).
        if (status == CaseStatus.CompletedRejected && step.Text("legalBasis") is { } basis) c.RejectionLegalBasis = basis;
        c.Result ??= status.Zh();
        await step.MoveAsync(lifecycle, status, c.Result, ct);
        return Out(("caseStatus", status.Code()), ("outcome", outcome));
    }
}
