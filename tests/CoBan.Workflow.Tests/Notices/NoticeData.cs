using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using Case = CoBan.Workflow.Cases.Case;
using CoBan.Workflow.Data;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Notices;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// Demo-city data for notice tests: a matter of 霸州市市场监督管理局 with its materials and joint
/// chain, a case of an applicant who consented to SMS and e-mail, and notices written to the outbox
/// as a workflow step (or the timers) would write them.
/// </summary>
public static class NoticeData
{
    public const string ApplicantPhone = "13812345678";
    public const string ApplicantEmail = "liming@example.test";

    public static readonly string[] Materials = ["公司登记（备案）申请书", "股东会决议", "修改后的公司章程", "营业执照正、副本"];
    public static readonly string[] Missing = ["股东会决议", "修改后的公司章程", "营业执照正、副本"];

    public static Task<long> BureauAsync(CoBanDbContext db, string code) =>
        db.Set<Bureau>().Where(b => b.Code == code).Select(b => b.Id).FirstAsync();

    public static Task<string> UserIdAsync(CoBanDbContext db, string userName) =>
        db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync();

    public static async Task<Matter> MatterAsync(CoBanDbContext db, string bureau = "BZ-SCJG")
    {
        var bureauId = await BureauAsync(db, bureau);
        if (await db.Set<Matter>().FirstOrDefaultAsync(m => m.BureauId == bureauId && m.Code == "SCJG-BG-001") is { } existing) return existing;
        var matter = new Matter
        {
            BureauId = bureauId, Code = "SCJG-BG-001", Name = "有限责任公司变更登记", LegalBasis = "《中华人民共和国市场主体登记管理条例》第二十四条",
            LimitWorkingDays = 5, InPersonSteps = "法定代表人本人到场签字", Fees = "不收费", IsJoint = true,
        };
        db.Add(matter);
        await db.SaveChangesAsync();
        var notes = new[] { "原件 1 份", "原件 1 份，全体股东签字", "原件 1 份", "原件" };
        for (var i = 0; i < Materials.Length; i++)
            db.Add(new MatterMaterial { MatterId = matter.Id, Position = i + 1, Name = Materials[i], Note = notes[i] });
        db.Add(new MatterChainLink { MatterId = matter.Id, Position = 1, BureauId = bureauId, Part = "办理公司变更登记" });
        db.Add(new MatterChainLink { MatterId = matter.Id, Position = 2, BureauId = await BureauAsync(db, "BZ-RSJ"), Part = "办理社会保险登记变更" });
        await db.SaveChangesAsync();
        return matter;
    }

    /// <summary>A commitment case registered by zhang.wei on 2026-09-30 09:00, deadline 2026-10-13, three materials missing.</summary>
    public static async Task<Case> CaseAsync(CoBanDbContext db, int sequence = 17, Action<Case>? configure = null, string owner = "zhang.wei")
    {
        var matter = await MatterAsync(db);
        var ownerId = await UserIdAsync(db, owner);
        var registered = new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8));
        var theCase = new Case
        {
            BureauId = matter.BureauId, Number = $"BZ-SCJG-2026-{sequence:00000}", Year = 2026, Sequence = sequence, MatterId = matter.Id, MatterName = matter.Name,
            ApplicantType = ApplicantType.Enterprise, ApplicantName = "霸州市恒达五金制品有限公司", ContactPerson = "李明", Phone = ApplicantPhone, Email = ApplicantEmail,
            Address = "霸州市南孟镇东杨庄村 12 号", ConsentSms = true, ConsentEmail = true, ServiceMode = ServiceMode.Agency, Entrustment = "书面委托书 2026-017",
            Category = CaseCategory.Own, Kind = CaseKind.Commitment, Status = CaseStatus.Accepted,
            MaterialsReceived = JsonSerializer.Serialize(new[] { Materials[0] }), MaterialsMissing = JsonSerializer.Serialize(Missing),
            OwnerId = ownerId, FirstContactId = ownerId, RegisteredAt = registered, AcceptedAt = registered.AddMinutes(20),
            Deadline = new DateTimeOffset(2026, 10, 13, 17, 30, 0, TimeSpan.FromHours(8)),
        };
        configure?.Invoke(theCase);
        db.Add(theCase);
        await db.SaveChangesAsync();
        return theCase;
    }

    /// <summary>A notice as the outbox writes it (Pending), for a case.</summary>
    public static async Task<Notice> NoticeAsync(CoBanDbContext db, Case theCase, string template, DateTimeOffset at, string? channels = null,
        string recipient = "applicant", IReadOnlyDictionary<string, object?>? variables = null, long? workTaskId = null)
    {
        var notice = new Notice
        {
            IdempotencyKey = $"test-{Guid.NewGuid():N}:1", CaseId = theCase.Id, BureauId = theCase.BureauId, InstanceId = theCase.InstanceId, ElementId = "send_" + template,
            Template = template, Channels = channels, Recipient = recipient, WorkTaskId = workTaskId,
            Variables = JsonSerializer.Serialize(variables ?? new Dictionary<string, object?> { ["caseOwner"] = "zhang.wei" }),
            Status = NoticeStatus.Pending, CreatedAt = at,
        };
        db.Add(notice);
        await db.SaveChangesAsync();
        return notice;
    }

    public static Task<List<NoticeDelivery>> DeliveriesAsync(CoBanDbContext db, long noticeId) =>
        db.Set<NoticeDelivery>().AsNoTracking().Where(d => d.NoticeId == noticeId).OrderBy(d => d.Id).ToListAsync();
}
