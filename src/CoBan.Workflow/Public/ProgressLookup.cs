using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Public;

/// <summary>
/// 办件进度查询: a case found by its number and the applicant's phone. A wrong phone and an unknown
/// number get the same answer, so the lookup reveals nothing about cases one cannot prove to be one's own.
/// </summary>
public sealed class ProgressLookup(CoBanDbContext db)
{
    public async Task<Case> MatchAsync(string? number, string? phone, CancellationToken ct)
    {
        var digits = PersonalData.PhoneDigits(phone);
        if (string.IsNullOrWhiteSpace(number) || digits is null)
            throw CoBanException.Invalid("lookup-required", "请输入办件编号和申请时留的电话号码", "enter the case number and the phone given at registration",
                new Dictionary<string, string[]> { [string.IsNullOrWhiteSpace(number) ? "number" : "phone"] = ["必填 / required"] });
        var c = await db.Set<Case>().AsNoTracking().FirstOrDefaultAsync(x => x.Number == number.Trim().ToUpperInvariant(), ct);
        if (c is null || c.PhoneDigits is null || c.PhoneDigits != digits)
            throw CoBanException.NotFound("与该电话号码相符的办件", "a case with this number and phone");
        return c;
    }

    public async Task<Progress> FindAsync(string? number, string? phone, CancellationToken ct)
    {
        var c = await MatchAsync(number, phone, ct);
        var bureau = await db.Set<Bureau>().AsNoTracking().Where(b => b.Id == c.BureauId).Select(b => b.Name).FirstAsync(ct);
        var evaluated = await db.Set<Evaluation>().AnyAsync(e => e.CaseId == c.Id, ct);
        return new Progress(c.Number, bureau, c.MatterName, MaskName(c), PersonalData.MaskPhoneDigits(c.PhoneDigits!), c.Category.Zh(), c.Status.Zh(), await NextStepAsync(c, ct),
            Day(c.RegisteredAt), c.Deadline is { } d ? Day(d) : null, c.Status.IsFinal(), c.Status.CanBeEvaluated() && !evaluated);
    }

    private async Task<string> NextStepAsync(Case c, CancellationToken ct)
    {
        switch (c.Status)
        {
            case CaseStatus.Received or CaseStatus.SupplementEnded:
                return "协办员受理审查中";
            case CaseStatus.SupplementStarted:
                return "请按《协办提示卡》一次性告知的清单补齐材料，交给协办员";
            case CaseStatus.SpecialStarted:
                return "特别程序（勘查、检测、审批等）进行中，期间不计入办理时限";
            case CaseStatus.TransferTracking or CaseStatus.Transferred:
                var to = await (from t in db.Set<Transfer>() join b in db.Set<Bureau>() on t.ToBureauId equals b.Id
                                where t.FromCaseId == c.Id && t.Status == TransferStatus.Accepted select b.Name).FirstOrDefaultAsync(ct);
                return c.Status == CaseStatus.Transferred ? $"已移交{to}办理，请按告知书到该单位协办员处办理" : $"已转办{to}，本单位跟踪督促办理进度";
            case CaseStatus.HandedOver:
                var next = await (from x in db.Set<Case>() join b in db.Set<Bureau>() on x.BureauId equals b.Id
                                  where x.SourceCaseId == c.Id orderby x.Id select b.Name).FirstOrDefaultAsync(ct);
                return $"本单位环节已完成，请到{next}办理下一环节";
        }
        if (c.Status.IsCompletion()) return "已办结，协办员将以当面、电话或书面方式回复";
        if (c.Status.IsFinal()) return "已结束";
        var task = await db.Set<WorkTask>().AsNoTracking().Where(t => t.CaseId == c.Id && t.Status == WorkTaskStatus.Open).OrderBy(t => t.Id).Select(t => t.Name).FirstOrDefaultAsync(ct);
        var deadline = c.Deadline is { } d ? $"，承诺于 {ChineseDates.Date(d)} 前办结" : "";
        return (task is null ? "办理中" : $"办理中（{task}）") + deadline;
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime);

    public static string MaskName(Case c)
    {
        var name = c.ApplicantName;
        if (c.ApplicantType == ApplicantType.Enterprise && name.Length > 6) return name[..2] + "****" + name[^4..];
        return name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);
    }
}
