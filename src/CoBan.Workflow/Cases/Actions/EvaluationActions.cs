using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// evaluation.rectify — a bad review (差评) verified, rectified and answered (国办发〔2019〕51号).
/// Form: substantiated, rectification, answer.
/// </summary>
public sealed class RectifyAction : CaseAction
{
    public override string Name => "evaluation.rectify";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var evaluation = await EvaluationAsync(step, ct);
        var rectification = step.Text("rectification") ?? throw Invalid("rectification", "请填写核实及整改情况", "describe the verification and rectification");
        var answer = step.Text("answer") ?? throw Invalid("answer", "请填写对评价人的答复", "the answer to the applicant is required");
        evaluation.Substantiated = step.Bool("substantiated");
        evaluation.Rectification = rectification;
        evaluation.Answer = answer;
        evaluation.RectifiedAt = step.Now;
        step.Journal("evaluation.rectified", $"差评整改（{(evaluation.Substantiated == true ? "属实" : "不属实")}）：{rectification}；答复：{answer}"
            + (evaluation.RectifyBy is { } by && step.Now > by ? "（已超过整改期限）" : ""));
        return Out(("rectified", true));
    }

    internal static async Task<Evaluation> EvaluationAsync(CaseStep step, CancellationToken ct) =>
        await step.Db.Set<Evaluation>().FirstOrDefaultAsync(e => e.CaseId == step.Case.Id, ct)
        ?? throw CoBanException.Conflict("no-evaluation", "案件没有评价", "the case has no evaluation");
}

/// <summary>evaluation.returnVisit — every real-name bad review gets a return visit (回访). Form: returnVisitAt, note.</summary>
public sealed class ReturnVisitAction : CaseAction
{
    public override string Name => "evaluation.returnVisit";

    protected override async Task<Vars?> RunAsync(CaseStep step, CancellationToken ct)
    {
        var evaluation = await RectifyAction.EvaluationAsync(step, ct);
        var note = step.Text("note") ?? throw Invalid("note", "请记录回访情况", "record the return visit");
        evaluation.ReturnVisitAt = (step.Date("returnVisitAt") ?? step.Now).ToUniversalTime();
        evaluation.ReturnVisitNote = note;
        step.Journal("evaluation.returnVisit", $"差评回访（{ChineseDates.DateTime(evaluation.ReturnVisitAt.Value)}）：{note}");
        return null;
    }
}
