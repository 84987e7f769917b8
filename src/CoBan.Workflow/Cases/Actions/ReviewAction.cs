
namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// case.review — 受理审查 (user task): the coordinator decides how the own case (or own part of a joint
/// case) is handled: 提示件 / 即办件 / 承诺件 / 退回件 (seed 000). The rules it enforces:
/// incomplete materials make a notice case unless 容缺受理 applies; a committed limit never exceeds the
/// matter's (seed 004 限时办结); a returned case states its reasons and legal basis (否定报备反馈单).
/// Form: kind, committedDays, tolerant, toleranceCommitment, supplementBy, reasons, legalBasis.
/// </summary>
public sealed class ReviewAction(Timers.DeadlineService deadlines) : CaseAction
{
    public override string Name => "case.review";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var c = step.Case;
        step.DemandOpen("审查");
        var matter = await step.MatterAsync(ct);
        var kind = EnumCodes.Parse<CaseKind>(step.Text("kind"), "kind");
        var missing = JsonDefaults.ReadList(c.MaterialsMissing);
        var tolerant = step.Bool("tolerant");

        if (kind == CaseKind.Notice && missing.Count == 0)
            throw Invalid("kind", "材料已齐全，不能作为提示件", "the materials are complete: this is not a notice case");
        if (kind == CaseKind.Notice && c.MissingNoticeAt is not null)
            throw Invalid("kind", "已一次性告知过缺件清单，不能再次出具不同的清单", "the one-time notice of missing materials was already given: no second list");
        if (kind is CaseKind.Immediate or CaseKind.Commitment && missing.Count > 0 && !tolerant)
            throw Invalid("kind", $"材料不全（缺少：{string.Join("、", missing)}），应作为提示件一次性告知，或按容缺受理", $"materials are missing ({missing.Count}): make it a notice case, or accept it with tolerance (容缺受理)");

        var committed = 0;
        if (kind == CaseKind.Commitment)
        {
            if (matter.LimitWorkingDays <= 0)
                throw Invalid("kind", "该事项为即办事项，没有承诺时限，不能作为承诺件", "the matter is answered on the spot: it has no committed limit");
            committed = (int)(step.Long("committedDays") ?? matter.LimitWorkingDays);
            if (committed < 1 || committed > matter.LimitWorkingDays)
                throw Invalid("committedDays", $"承诺时限应为 1 到 {matter.LimitWorkingDays} 个工作日（不得超过事项承诺时限）",
                    $"the committed limit must be 1 to {matter.LimitWorkingDays} working days (never more than the matter's limit)");
        }

        if (tolerant && kind is CaseKind.Immediate or CaseKind.Commitment && missing.Count > 0)
        {
            if (!matter.TolerantAcceptance)
                throw Invalid("tolerant", "该事项不允许容缺受理", "the matter does not allow acceptance with a missing item (容缺受理)");
            var commitment = step.Text("toleranceCommitment")
                ?? throw Invalid("toleranceCommitment", "容缺受理需要申请人签署的承诺", "tolerant acceptance needs the applicant's signed commitment");
            var date = step.Date("supplementBy") ?? throw Invalid("supplementBy", "请填写补正期限", "the date to supply the missing item is required");
            // The applicant may supply it until the bureau closes that day, and never after the committed deadline (容缺受理:
            // DOMAIN.md; the wait is then always inside the commitment, so it is never overdue).
            var close = await deadlines.CloseAsync(step.Db, c.BureauId, ct);
            var by = new DateTimeOffset(DateOnly.FromDateTime(date.ToOffset(ChinaTime.Offset).DateTime).ToDateTime(close), ChinaTime.Offset);
            var limit = await deadlines.CommittedDeadlineAsync(step.Db, c.BureauId, step.Now, kind == CaseKind.Commitment ? committed : Math.Max(matter.LimitWorkingDays, 0), ct);
            if (by > limit)
                throw Invalid("supplementBy", $"补正期限不得晚于承诺办结期限（{ChineseDates.DateTime(limit)}）",
                    $"the supply date may not be later than the committed deadline ({limit.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm})");
            if (by <= step.Now)
                throw Invalid("supplementBy", "补正期限应晚于现在", "the supply date must be in the future");
            c.Tolerant = true;
            c.ToleranceCommitment = commitment;
            c.SupplementBy = by.ToUniversalTime();
        }
        else if (tolerant && missing.Count == 0)
            throw Invalid("tolerant", "材料已齐全，无需容缺受理", "the materials are complete: no tolerance needed");

        if (kind == CaseKind.Returned)
        {
            var reasons = step.List("reasons");
            if (reasons.Count == 0) throw Invalid("reasons", "退回件须写明不予办理的原因", "a returned case needs the reasons");
            var basis = step.Text("legalBasis") ?? throw Invalid("legalBasis", "退回件须写明依据", "a returned case needs the legal basis");
            c.RejectionReasons = JsonDefaults.WriteList(reasons);
            c.RejectionLegalBasis = basis;
        }

        var before = JsonDefaults.Write(new { kind = c.Kind.Code() });
        c.Kind = kind;
        c.CommittedWorkingDays = kind == CaseKind.Commitment ? committed : kind == CaseKind.Immediate ? 0 : null;
        c.RowVersion++;
        step.Journal("case.reviewed", $"受理审查：{kind.Zh()}" + (kind == CaseKind.Commitment ? $"，承诺 {committed} 个工作日" : "")
            + (c.Tolerant ? $"，容缺受理（{ChineseDates.Date(c.SupplementBy!.Value)} 前补齐）" : ""), before, JsonDefaults.Write(new { kind = kind.Code() }));
        // No limit is written back for other kinds: a 0 left in the variables would be read as the limit
        // typed in when the case comes back to review after its supplement (notice → commitment).
        return Out(("kind", kind.Code()), ("committedDays", kind == CaseKind.Commitment ? (long)committed : null), ("tolerant", c.Tolerant), ("supplementBy", c.SupplementBy));
    }
}
