using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CoBan.Workflow.Cases;
using Case = CoBan.Workflow.Cases.Case;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Supervision;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>One host for every golden case: the demo city, seeded once.</summary>
public sealed class GoldenHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync(settings: new Dictionary<string, string?>(NoticeContentTests.AppealSettings)
        {
            ["CoBan:Notices:Dispatcher:Enabled"] = "false",
            ["CoBan:Notices:Sms:SignName"] = "霸州政务服务",
            ["CoBan:Notices:PublicBaseUrl"] = "https://zwfw.bazhou.example.gov.cn",
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Every notice kind on every channel, rendered from realistic cases of the demo city and compared
/// with the reviewed files in Notices/Golden (issue 14): plain text for SMS and e-mail, the readable
/// text of the HTML for the e-mail's HTML part and the print form. Any wording change shows up as a
/// diff of those files. COBAN_UPDATE_GOLDEN=1 rewrites them (then review the diff before committing).
/// </summary>
public class NoticeGoldenTests(GoldenHost fixture) : IClassFixture<GoldenHost>
{
    private static readonly DateTimeOffset Decided = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly string Folder = Path.Combine(SourceFolder(), "Golden");

    private TestHost Host => fixture.Host;

    /// <summary>(golden file, template, sequence of the case): one realistic situation each.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "one-time-notice.notice", "one-time-notice" },
        { "receipt.commitment", "receipt" },
        { "receipt.tolerant", "receipt" },
        { "rejection.returned", "rejection" },
        { "completion-reply.own-approved", "completion-reply" },
        { "completion-reply.own-refused", "completion-reply" },
        { "joint-guidance.link-1", "joint-guidance" },
        { "joint-guidance.link-2", "joint-guidance" },
        { "joint-guidance.link-3", "joint-guidance" },
        { "transfer-notice.sent", "transfer-notice" },
        { "transfer-notice.accepted", "transfer-notice" },
        { "transfer-notice.refused", "transfer-notice" },
        { "rectification-answer.rectification", "rectification-answer" },
        { "village-slip.village", "village-slip" },
        { "coordination-log.own", "coordination-log" },
        { "reminder.task", "reminder" },
        { "overdue-leader.task", "overdue-leader" },
        { "overdue-supervisor.task", "overdue-supervisor" },
        { "report-daily-check.report", "report-daily-check" },
        { "report-weekly-bulletin.report", "report-weekly-bulletin" },
        { "report-monthly-evaluation.report", "report-monthly-evaluation" },
        { "report-quarterly-ranking.report", "report-quarterly-ranking" },
        { "report-annual-summary.report", "report-annual-summary" },
        { "report-duty-schedule.report", "report-duty-schedule" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_notice_renders_as_its_reviewed_golden_file(string golden, string template)
    {
        var sequence = 100 + Cases().Select(c => (string)c[0]).ToList().IndexOf(golden) * 10;
        var notice = await Host.WithDbAsync(db => ScenarioAsync(db, golden, template, sequence));
        var actual = await Host.WithDbAsync(db => RenderAllAsync(db, notice, golden));
        Compare(golden, actual);
    }

    [Fact]
    public void Every_notice_kind_of_the_catalog_has_a_golden_case()
    {
        var catalog = fixture.Host.Services.GetRequiredService<NoticeCatalog>();
        var covered = Cases().Select(c => (string)c[1]).ToHashSet();
        catalog.Notices.Select(n => n.Name).Where(n => !covered.Contains(n)).ShouldBeEmpty();
    }

    // ------------------------------------------------------------------------------------- rendering

    /// <summary>Every part of the notice, rendered as the outbox does (NoticePlanner), in one reviewable text.</summary>
    private async Task<string> RenderAllAsync(CoBan.Workflow.Data.CoBanDbContext db, Notice notice, string golden)
    {
        var services = Host.Services;
        var catalog = services.GetRequiredService<NoticeCatalog>();
        var store = services.GetRequiredService<NoticeTemplateStore>();
        var renderer = services.GetRequiredService<NoticeRenderer>();
        var definition = catalog.Get(notice.Template);
        var model = await services.GetRequiredService<NoticeModelBuilder>().BuildAsync(db, notice, CancellationToken.None);
        async Task<TemplateSource> Source(string part) => (await store.ResolveAsync(db, notice.BureauId, notice.Template, part, CancellationToken.None))!;

        var text = new StringBuilder();
        text.Append("# ").Append(definition.Title).Append(" (").Append(golden).Append(")\n");
        foreach (var channel in definition.Channels)
        {
            switch (channel)
            {
                case NoticeParts.Sms:
                    var sms = renderer.RenderSms(await Source(NoticeParts.Sms), model, null);
                    var signed = "【霸州政务服务】" + sms.Text;
                    text.Append("\n## sms (").Append(sms.SmsTemplateCode).Append(", ").Append(signed.Length).Append(" characters with the signature)\n")
                        .Append(signed).Append('\n');
                    foreach (var (name, value) in sms.SmsParams!)
                        text.Append("- ").Append(name).Append(" (").Append(value.Length).Append("): ").Append(value).Append('\n');
                    break;
                case NoticeParts.Email:
                    text.Append("\n## email subject\n").Append(renderer.Render(await Source(NoticeParts.EmailSubject), model).Trim().ReplaceLineEndings(" ")).Append('\n');
                    text.Append("\n## email text\n").Append(renderer.Render(await Source(NoticeParts.EmailText), model).TrimEnd()).Append('\n');
                    text.Append("\n## email html (as text)\n").Append(HtmlText.Of(renderer.Render(await Source(NoticeParts.EmailHtml), model))).Append('\n');
                    break;
                case NoticeParts.Print:
                    var page = renderer.PrintPage(definition.Title, renderer.Render(await Source(NoticeParts.Print), model.ForPrint()));
                    text.Append("\n## print (as text)\n").Append(HtmlText.Of(page)).Append('\n');
                    break;
            }
        }
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static void Compare(string golden, string actual)
    {
        var path = Path.Combine(Folder, golden + ".txt");
        if (Environment.GetEnvironmentVariable("COBAN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        File.Exists(path).ShouldBeTrue($"{path} is missing: run with COBAN_UPDATE_GOLDEN=1, review and commit it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Max(e.Length, a.Length)).First(i => i >= e.Length || i >= a.Length || e[i] != a[i]);
        Assert.Fail($"{golden}.txt differs from line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "(end)")}\n  actual:   {(line < a.Length ? a[line] : "(end)")}\n" +
            "If the change is intended, rerun with COBAN_UPDATE_GOLDEN=1 and review the diff.");
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    // ------------------------------------------------------------------------------------- scenarios

    private async Task<Notice> ScenarioAsync(CoBan.Workflow.Data.CoBanDbContext db, string golden, string template, int sequence)
    {
        var scenario = golden[(golden.IndexOf('.') + 1)..];
        if (template.StartsWith("report-", StringComparison.Ordinal)) return await ReportAsync(db, template);
        Action<Case>? configure = scenario switch
        {
            "notice" => c => { c.Kind = CaseKind.Notice; c.Status = CaseStatus.Received; c.AcceptedAt = null; c.Deadline = null; },
            "tolerant" => c => { c.Status = CaseStatus.Accepted; c.MaterialsMissing = JsonSerializer.Serialize(new[] { "股东会决议" });
                c.MaterialsReceived = JsonSerializer.Serialize(NoticeData.Materials.Where(m => m != "股东会决议")); },
            "returned" => c =>
            {
                c.Kind = CaseKind.Returned; c.Status = CaseStatus.NotAccepted;
                c.RejectionReasons = JsonSerializer.Serialize(new[] { "申请变更的经营范围属于国家明令禁止的项目", "股东会决议未经全体股东签字" });
                c.RejectionLegalBasis = "《市场准入负面清单（2025年版）》禁止准入类第 1 项";
            },
            "own-approved" or "own" => c =>
            {
                c.Status = CaseStatus.CompletedApproved; c.Result = "准予变更登记，换发营业执照";
                c.CompletedAt = new DateTimeOffset(2026, 10, 12, 16, 30, 0, TimeSpan.FromHours(8));
            },
            "own-refused" => c =>
            {
                c.Status = CaseStatus.CompletedRejected; c.Result = "现场核查发现经营场所与登记住所不一致";
                c.RejectionLegalBasis = "《中华人民共和国市场主体登记管理条例》第十七条";
                c.CompletedAt = new DateTimeOffset(2026, 10, 12, 16, 30, 0, TimeSpan.FromHours(8));
            },
            "sent" or "accepted" or "refused" => c => { c.Category = CaseCategory.Transfer; c.Kind = null; },
            "rectification" => c => { c.Status = CaseStatus.CompletedApproved; c.Result = "准予变更登记"; c.CompletedAt = c.RegisteredAt.AddDays(5); },
            "village" => c =>
            {
                c.ApplicantType = ApplicantType.Person; c.ApplicantName = "王秀兰"; c.ContactPerson = null; c.Phone = "13931612345"; c.Email = null;
                c.Address = "霸州市南孟镇东杨庄村 3 组 18 号"; c.ServiceMode = ServiceMode.Agency;
            },
            _ => null,
        };
        if (scenario == "tolerant")
        {
            var matter = await NoticeData.MatterAsync(db);
            var tracked = await db.Set<Matter>().FirstAsync(m => m.Id == matter.Id);
            tracked.TolerantAcceptance = true;
            await db.SaveChangesAsync();
        }
        Case theCase;
        if (scenario.StartsWith("link-", StringComparison.Ordinal))
            theCase = await JointLinkAsync(db, int.Parse(scenario[5..]), sequence);
        else
            theCase = await NoticeData.CaseAsync(db, sequence, configure);
        if (scenario == "tolerant")
        {
            var tracked = await db.Set<Matter>().FirstAsync(m => m.Id == theCase.MatterId);
            tracked.TolerantAcceptance = false;
            await db.SaveChangesAsync();
        }

        long? taskId = null;
        var at = Decided;
        switch (scenario)
        {
            case "sent" or "accepted" or "refused":
                await TransferAsync(db, theCase, scenario, sequence);
                break;
            case "own":
                db.Add(new CoordinationLogEntry
                {
                    CaseId = theCase.Id, CoordinatorId = theCase.OwnerId!, At = theCase.RegisteredAt.AddDays(5), Handling = "已代为提交变更材料，当面交付新营业执照",
                    ReplyMethod = "inPerson", ReplyAt = new DateTimeOffset(2026, 10, 5, 10, 15, 0, TimeSpan.FromHours(8)), Signature = CoBan.Workflow.Tests.Cases.CaseSteps.SignaturePng,
                });
                await db.SaveChangesAsync();
                break;
            case "rectification":
                db.Add(new Evaluation
                {
                    CaseId = theCase.Id, Level = 1, Comment = "窗口等候时间长，协办员态度生硬", RealName = true, Source = "web",
                    At = new DateTimeOffset(2026, 10, 6, 9, 30, 0, TimeSpan.FromHours(8)), Substantiated = true,
                    Rectification = "协办员已作书面检讨，窗口增设引导员", Answer = "您反映的情况属实，我们已整改，感谢监督",
                    RectifiedAt = new DateTimeOffset(2026, 10, 9, 15, 0, 0, TimeSpan.FromHours(8)),
                });
                await db.SaveChangesAsync();
                break;
            case "task":
                var task = new WorkTask
                {
                    InstanceId = 0, TaskId = sequence, ElementId = "review", Name = "审核申请材料", BureauId = theCase.BureauId, CaseId = theCase.Id, AssigneeId = theCase.OwnerId,
                    Due = new DateTimeOffset(2026, 10, 9, 17, 30, 0, TimeSpan.FromHours(8)), CreatedAt = theCase.RegisteredAt,
                };
                db.Add(task);
                await db.SaveChangesAsync();
                taskId = task.Id;
                at = template == "reminder" ? new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.FromHours(8)) : new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));
                break;
        }
        return await NoticeData.NoticeAsync(db, theCase, template, at, recipient: template.StartsWith("overdue", StringComparison.Ordinal) || template == "reminder" ? "owner" : "applicant",
            workTaskId: taskId);
    }

    /// <summary>The three-link chain 市场监管 → 税务 → 人社; the case of the given link, earlier links handed over.</summary>
    private static async Task<Case> JointLinkAsync(CoBan.Workflow.Data.CoBanDbContext db, int position, int sequence)
    {
        var matter = await NoticeData.MatterAsync(db);
        var tax = await NoticeData.BureauAsync(db, "BZ-SWJ");
        var rsj = await NoticeData.BureauAsync(db, "BZ-RSJ");
        var chainMatter = new Matter
        {
            BureauId = matter.BureauId, Code = $"SCJG-LB-{sequence}", Name = "企业开办“一件事”", LegalBasis = matter.LegalBasis, LimitWorkingDays = 3, IsJoint = true,
            InPersonSteps = "法定代表人本人到场签字", Fees = "不收费",
        };
        db.Add(chainMatter);
        await db.SaveChangesAsync();
        db.Add(new MatterChainLink { MatterId = chainMatter.Id, Position = 1, BureauId = matter.BureauId, Part = "办理营业执照" });
        db.Add(new MatterChainLink { MatterId = chainMatter.Id, Position = 2, BureauId = tax, Part = "税务信息确认和发票申领" });
        db.Add(new MatterChainLink { MatterId = chainMatter.Id, Position = 3, BureauId = rsj, Part = "单位社会保险登记" });
        await db.SaveChangesAsync();
        var first = await NoticeData.CaseAsync(db, sequence, c =>
        {
            c.MatterId = chainMatter.Id; c.MatterName = chainMatter.Name; c.Category = CaseCategory.Joint; c.ChainPosition = 1; c.Kind = CaseKind.Commitment;
            c.Status = position == 1 ? CaseStatus.Accepted : CaseStatus.HandedOver;
        });
        var chain = new JointChain { MatterId = chainMatter.Id, ApplicantName = first.ApplicantName, FirstCaseId = first.Id, CreatedAt = first.RegisteredAt };
        db.Add(chain);
        await db.SaveChangesAsync();
        var tracked = await db.Set<Case>().FirstAsync(c => c.Id == first.Id);
        tracked.ChainId = chain.Id;
        await db.SaveChangesAsync();
        var current = tracked;
        var codes = new[] { "", "BZ-SCJG", "BZ-SWJ", "BZ-RSJ" };
        var bureaus = new[] { 0, matter.BureauId, tax, rsj };
        for (var link = 2; link <= position; link++)
        {
            var at = link;
            var previous = current;
            current = await NoticeData.CaseAsync(db, sequence + link, c =>
            {
                c.BureauId = bureaus[at]; c.Number = $"{codes[at]}-2026-{sequence + at:00000}"; c.MatterId = chainMatter.Id; c.MatterName = chainMatter.Name;
                c.Category = CaseCategory.Joint; c.ChainId = chain.Id; c.ChainPosition = at; c.SourceCaseId = previous.Id;
                c.Status = at == position ? CaseStatus.CompletedApproved : CaseStatus.HandedOver;
                c.RegisteredAt = c.RegisteredAt.AddDays(at - 1);
            });
        }
        return current;
    }

    private static async Task TransferAsync(CoBan.Workflow.Data.CoBanDbContext db, Case theCase, string scenario, int sequence)
    {
        var rsj = await NoticeData.BureauAsync(db, "BZ-RSJ");
        long? receiving = null;
        if (scenario == "accepted")
            receiving = (await NoticeData.CaseAsync(db, sequence + 1, c => { c.BureauId = rsj; c.Number = $"BZ-RSJ-2026-{sequence + 1:00000}"; c.SourceCaseId = theCase.Id; }, owner: "chen.jing")).Id;
        db.Add(new Transfer
        {
            FromCaseId = theCase.Id, FromBureauId = theCase.BureauId, ToBureauId = rsj, Reasons = "社会保险登记不属于本局职责范围",
            LegalBasis = "《中华人民共和国社会保险法》第五十七条", SentAt = Decided, ReceivingCaseId = receiving,
            Status = scenario switch { "accepted" => TransferStatus.Accepted, "refused" => TransferStatus.Refused, _ => TransferStatus.Sent },
            RefusalReason = scenario == "refused" ? "该事项属于不动产登记中心职责，不属本局" : null,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A report notice as the report job writes it: vars from the report's content, no case.</summary>
    private static async Task<Notice> ReportAsync(CoBan.Workflow.Data.CoBanDbContext db, string template)
    {
        var kind = Enum.GetValues<ReportKind>().Single(k => k.Template() == template);
        var scope = await db.Set<Bureaus.Bureau>().FirstAsync(b => b.Code == "BZ-SCJG");
        var content = new ReportContent { Title = $"霸州市市场监督管理局{kind.Zh()}（2026年9月）" };
        content.Headline.Add(new Headline("受理件数", "128"));
        content.Headline.Add(new Headline("按期办结率", "97.7%"));
        var section = new ReportSection { Title = "超期件", Columns = ["编号", "事项", "协办员", "超期（工作日）"], Note = "按超期天数排序" };
        section.Rows.Add(new ReportLine(["BZ-SCJG-2026-00017", "有限责任公司变更登记", "张伟", "2"], Highlight: true));
        section.Rows.Add(new ReportLine(["BZ-SCJG-2026-00031", "食品经营许可（新办）", "李娜", "1"]));
        content.Sections.Add(section);
        content.Sections.Add(new ReportSection { Title = "不满意评价", Columns = ["编号", "评价", "整改"], Empty = "本期无不满意评价" });
        if (kind is ReportKind.MonthlyEvaluation or ReportKind.QuarterlyRanking) content.Formula = "得分 = 按期办结率 × 60 + 满意率 × 40";
        content.Notes.Add("数据截至 2026年9月30日 24:00。");
        if (kind == ReportKind.DutySchedule) content.ReportBy = new DateOnly(2026, 10, 5);
        var period = new Period(PeriodKind.Month, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
        var vars = ReportRenderer.Vars(content, kind, period, scope, Decided, "https://zwfw.bazhou.example.gov.cn/reports/2026-09");
        var notice = new Notice
        {
            IdempotencyKey = $"golden-{Guid.NewGuid():N}", BureauId = scope.Id, ElementId = "report", Template = template, Recipient = "owner",
            Variables = JsonSerializer.Serialize(vars), Status = NoticeStatus.Pending, CreatedAt = Decided,
        };
        db.Add(notice);
        await db.SaveChangesAsync();
        return notice;
    }
}
