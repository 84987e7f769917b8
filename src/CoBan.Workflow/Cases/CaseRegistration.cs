using System.Text.RegularExpressions;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Rosters;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// 登记受理 (seed 000): the coordinator on duty receives the applicant and registers the case; they
/// own it until it ends, even after their duty (seeds 000/001). The bureau's intake procedure starts
/// in the same transaction and classifies it.
/// </summary>
public sealed partial class CaseRegistration(CoBanDbContext db, CurrentUser me, BureauScope scope, RuntimeService runtime, TimeProvider clock)
{
    public async Task<long> RegisterAsync(RegisterCaseRequest r, CancellationToken ct)
    {
        scope.DemandRole(Roles.Coordinator, Roles.ChiefCoordinator);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string zh, string en) => errors[field] = [$"{zh} / {en}"];

        var bureau = await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == me.BureauId, ct);
        var matter = await FindMatterAsync(r, ct);
        if (matter is null)
            Error(r.MatterId is null && r.MatterCode is null ? "matterId" : r.MatterId is null ? "matterCode" : "matterId",
                r.MatterId is null && r.MatterCode is null ? "请选择办理事项" : "事项不存在或已停用", r.MatterId is null && r.MatterCode is null ? "the matter is required" : "unknown or inactive matter");

        var a = r.Applicant;
        ApplicantType type = default;
        IdDocumentType? idType = null;
        if (a is null) Error("applicant", "请填写申请人", "the applicant is required");
        else
        {
            if (!EnumCodes.TryParse(a.Type, out type)) Error("applicant.type", "申请人类型应为 person（个人）或 enterprise（企业）", "applicant.type must be person or enterprise");
            if (string.IsNullOrWhiteSpace(a.Name)) Error("applicant.name", "请填写申请人姓名或企业名称", "the applicant's name is required");
            if (type == ApplicantType.Enterprise && string.IsNullOrWhiteSpace(a.ContactPerson)) Error("applicant.contactPerson", "企业申请须填写联系人", "an enterprise needs a contact person");
            idType = CheckIdDocument(a, type, Error);
            var digits = PersonalData.PhoneDigits(a.Phone);
            if (a.Phone is { Length: > 0 } && (digits is null || digits.Length is < 7 or > 15)) Error("applicant.phone", "电话号码无效", "invalid phone number");
            if (a.Email is { Length: > 0 } email && !Notices.EmailAddresses.IsSingle(email))
                Error("applicant.email", "电子邮箱无效：只填一个电子邮箱地址（如 name@example.com），不要填多个地址或姓名", "invalid e-mail: give exactly one address (e.g. name@example.com), no list and no name");
            if (string.IsNullOrWhiteSpace(a.Phone) && string.IsNullOrWhiteSpace(a.Email) && string.IsNullOrWhiteSpace(a.Address))
                Error("applicant.phone", "请至少留一种联系方式（电话、邮箱或地址），以便办结回复", "leave at least one contact (phone, e-mail or address) for the completion reply");
            if (r.ConsentSms == true && (digits is null || !Mobile().IsMatch(digits))) Error("consentSms", "同意短信通知须留手机号码", "SMS consent needs a mobile number");
            if (r.ConsentEmail == true && string.IsNullOrWhiteSpace(a.Email)) Error("consentEmail", "同意邮件通知须留电子邮箱", "e-mail consent needs an e-mail address");
        }

        ServiceMode mode = default;
        if (!EnumCodes.TryParse(r.ServiceMode, out mode))
            Error("serviceMode", "服务方式应为 guide（导办）、lead（领办）、assist（协办）、joint（联办）、transfer（转办）或 agency（代办）",
                "serviceMode must be guide, lead, assist, joint, transfer or agency");
        else if (mode == ServiceMode.Agency && string.IsNullOrWhiteSpace(r.Entrustment))
            Error("entrustment", "代办须有申请人的书面委托（填写委托书编号或摘要）", "agency (代办) needs the applicant's written entrustment (seed 003)");

        var received = (r.MaterialsReceived ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (matter is not null)
        {
            var known = await db.Set<MatterMaterial>().AsNoTracking().Where(m => m.MatterId == matter.Id).Select(m => m.Name).ToListAsync(ct);
            var unknown = received.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0) Error("materialsReceived", $"不是该事项的材料：{string.Join("、", unknown)}", $"not materials of the matter: {string.Join(", ", unknown)}");
        }
        if (r.HomeVisitAt is not null && bureau.Level != BureauLevel.VillageStation)
            Error("homeVisitAt", "上门服务由社区（村）便民服务站的代办员预约", "home visits are booked by community/village stations");

        if (errors.Count > 0)
            throw CoBanException.Invalid("invalid-registration", "登记信息有误：" + string.Join("；", errors.Keys), "the registration has errors: " + string.Join(", ", errors.Keys), errors);
        await DemandOnDutyAsync(ct);

        var owner = await db.Users.AsNoTracking().FirstAsync(u => u.Id == me.Id, ct);
        var c = new Case
        {
            Number = "", MatterId = matter!.Id, MatterName = matter.Name, Description = r.Description?.Trim(), ApplicantType = type, ApplicantName = a!.Name!.Trim(),
            ApplicantIdNumber = idType is null ? null : IdentityDocuments.Normalise(a.IdNumber!), ApplicantIdType = idType, ContactPerson = a.ContactPerson?.Trim(), Phone = a.Phone?.Trim(), PhoneDigits = PersonalData.PhoneDigits(a.Phone),
            Email = a.Email?.Trim(), Address = a.Address?.Trim(), ConsentSms = r.ConsentSms == true, ConsentEmail = r.ConsentEmail == true,
            ServiceMode = mode, Entrustment = r.Entrustment?.Trim(), MaterialsReceived = JsonDefaults.WriteList(received), HomeVisitAt = r.HomeVisitAt?.ToUniversalTime(),
            OwnerId = owner.Id, FirstContactId = owner.Id,
        };
        var journal = $"{owner.DisplayName} 登记：{c.ApplicantName} 申请“{matter.Name}”，服务方式 {mode.Zh()}" + (received.Count > 0 ? $"，收取材料 {received.Count} 件" : "");
        await runtime.InUnitAsync(me.Actor, unit => CaseFactory.OpenAsync(unit, c, bureau, owner, CaseFactory.IntakeFor(bureau), new Dictionary<string, object?>(), journal, ct), ct);
        return c.Id;
    }

    private async Task<Matter?> FindMatterAsync(RegisterCaseRequest r, CancellationToken ct)
    {
        var matters = db.Set<Matter>().AsNoTracking().Where(m => m.Active);
        if (r.MatterId is { } id) return await matters.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (r.MatterCode is null) return null;
        var bureauCode = r.MatterBureau;
        return await (from m in matters join b in db.Set<Bureau>() on m.BureauId equals b.Id
                      where m.Code == r.MatterCode && (bureauCode == null ? m.BureauId == me.BureauId : b.Code == bureauCode)
                      select m).FirstOrDefaultAsync(ct);
    }

    /// <summary>Registration is the duty coordinator's (seeds 000/001); with no roster for the day, any coordinator of the bureau.</summary>
    private async Task DemandOnDutyAsync(CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
        var rostered = await db.Set<DutyAssignment>().AsNoTracking()
            .Where(d => d.BureauId == me.BureauId && d.Date == date && d.Role == DutyRole.Coordinator).Select(d => d.UserId).ToListAsync(ct);
        if (rostered.Count > 0 && !rostered.Contains(me.Id!))
            throw new CoBanException(403, "not-on-duty", "今天不是你值班：请由值班协办员登记", "you are not on duty today: the coordinator on duty registers cases");
    }

    /// <summary>The document type (given, or the applicant type's usual one) and its number's format and check character; null without a number.</summary>
    private static IdDocumentType? CheckIdDocument(ApplicantInput a, ApplicantType type, Action<string, string, string> error)
    {
        IdDocumentType idType;
        if (a.IdType is { Length: > 0 } code)
        {
            if (!EnumCodes.TryParse(code, out idType))
            {
                var allowed = string.Join("、", Enum.GetValues<IdDocumentType>().Select(t => $"{t.Code()}（{t.Zh()}）"));
                error("applicant.idType", $"证件类型无效，应为：{allowed}", "unknown document type; use one of: " + string.Join(", ", Enum.GetValues<IdDocumentType>().Select(t => t.Code())));
                return null;
            }
            if (type != default && !idType.FitsApplicant(type))
            {
                error("applicant.idType", type == ApplicantType.Enterprise ? "企业申请人的证件应为统一社会信用代码" : "个人申请人不能以统一社会信用代码登记，请选择身份证、护照或通行证等",
                    type == ApplicantType.Enterprise ? "an enterprise identifies by its unified social credit code" : "a person identifies by an ID card, passport or permit, not a credit code");
                return null;
            }
        }
        else idType = IdentityDocuments.DefaultFor(type == default ? ApplicantType.Person : type);
        if (string.IsNullOrWhiteSpace(a.IdNumber)) return null;
        var number = IdentityDocuments.Normalise(a.IdNumber);
        var problem = number.Length > 40 ? ("证件号码过长", "too long") : IdentityDocuments.Problem(idType, number);
        if (problem is not { } p) return idType;
        error("applicant.idNumber", $"证件号码（{idType.Zh()}）有误：{p.Zh}", $"document number ({idType.En()}): {p.En}");
        return null;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
