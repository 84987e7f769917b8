using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoBan.Workflow.Cases;
using Case = CoBan.Workflow.Cases.Case;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoBan.Workflow.Tests.Cases.CaseSteps;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// What the applicant's documents say (issue 14): the right 依据, next unit, reply method, handling and
/// signature; refusals that tell the right to appeal (行政许可法 Art. 38); a transfer notice that says
/// where the transfer stands; statuses that do not claim "sent" when nothing went out.
/// </summary>
public class NoticeContentTests : IAsyncLifetime
{
    /// <summary>The bodies for the demo city's bureaus, as a deployment configures them (CoBan:Notices:Appeal).</summary>
    public static readonly Dictionary<string, string?> AppealSettings = new()
    {
        ["CoBan:Notices:Appeal:Default:ReviewBody"] = "霸州市人民政府",
        ["CoBan:Notices:Appeal:Default:Court"] = "霸州市人民法院",
    };

    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(AppealSettings) { ["CoBan:Notices:Dispatcher:Enabled"] = "false" };
        _host = await TestHost.StartAsync(settings: settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Notice Notice, List<NoticeDelivery> Deliveries)> IssueAsync(string template, Action<Case>? configure = null, string channels = "email,print",
        IReadOnlyDictionary<string, object?>? variables = null, Func<Case, Task>? prepare = null, int sequence = 17)
    {
        var theCase = await _host.WithDbAsync(db => NoticeData.CaseAsync(db, sequence, configure));
        if (prepare is not null) await prepare(theCase);
        var notice = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, template, _host.Clock.GetUtcNow(), channels, variables: variables));
        await _host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
        var deliveries = await _host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id));
        notice = await _host.WithDbAsync(db => db.Set<Notice>().FirstAsync(n => n.Id == notice.Id));
        return (notice, deliveries);
    }

    /// <summary>The SMS of a notice as it would be sent (the provider's template filled in), rendered from the case's model.</summary>
    private Task<RenderedChannel> SmsAsync(Notice notice) => _host.WithDbAsync(async db =>
    {
        var model = await _host.Services.GetRequiredService<NoticeModelBuilder>().BuildAsync(db, notice, CancellationToken.None);
        var source = await _host.Services.GetRequiredService<NoticeTemplateStore>().ResolveAsync(db, notice.BureauId, notice.Template, NoticeParts.Sms, CancellationToken.None);
        return _host.Services.GetRequiredService<NoticeRenderer>().RenderSms(source!, model, null);
    });

    private static string Print(List<NoticeDelivery> deliveries) => deliveries.Single(d => d.Channel == "print").Html.ShouldNotBeNull();

    private static NoticeDelivery Email(List<NoticeDelivery> deliveries) => deliveries.Single(d => d.Channel == "email");

    // ------------------------------------------------------------------------------------- joint chain

    [Fact]
    public async Task The_joint_guidance_from_the_second_link_reads_the_joint_chain_not_the_links_own_matter()
    {
        // A three-link chain (市场监管 → 税务 → 人社); the second link's case has the tax bureau's own part matter.
        var first = await _host.WithDbAsync(db => NoticeData.CaseAsync(db, 30, c => { c.Category = CaseCategory.Joint; c.ChainPosition = 1; }));
        var (chainId, partMatterId, taxId) = await _host.WithDbAsync(async db =>
        {
            var matter = await NoticeData.MatterAsync(db);
            var tax = await NoticeData.BureauAsync(db, "BZ-SWJ");
            var part = new Matter { BureauId = tax, Code = "SWJ-T-001", Name = "税务信息确认", LimitWorkingDays = 1 };
            db.Add(part);
            await db.SaveChangesAsync();
            var links = await db.Set<MatterChainLink>().Where(l => l.MatterId == matter.Id).OrderBy(l => l.Position).ToListAsync();
            links[1].BureauId = tax;
            links[1].Part = "税务信息确认和发票申领";
            links[1].PartMatterId = part.Id;
            db.Add(new MatterChainLink { MatterId = matter.Id, Position = 3, BureauId = await NoticeData.BureauAsync(db, "BZ-RSJ"), Part = "单位社会保险登记" });
            var chain = new JointChain { MatterId = matter.Id, ApplicantName = first.ApplicantName, FirstCaseId = first.Id, CreatedAt = first.RegisteredAt };
            db.Add(chain);
            await db.SaveChangesAsync();
            var tracked = await db.Set<Case>().FirstAsync(c => c.Id == first.Id);
            tracked.ChainId = chain.Id;
            tracked.Status = CaseStatus.HandedOver;
            await db.SaveChangesAsync();
            return (chain.Id, part.Id, tax);
        });

        var (_, deliveries) = await IssueAsync("joint-guidance", c =>
        {
            c.BureauId = taxId; c.Number = "BZ-SWJ-2026-00003"; c.MatterId = partMatterId; c.MatterName = "税务信息确认";
            c.Category = CaseCategory.Joint; c.ChainId = chainId; c.ChainPosition = 2; c.SourceCaseId = first.Id; c.Status = CaseStatus.CompletedApproved;
        }, sequence: 31);

        var print = Print(deliveries);
        print.ShouldContain("<strong>霸州市人力资源和社会保障局</strong>");
        print.ShouldContain("单位社会保险登记");
        print.ShouldContain("<td class=\"seq\">1</td><td>霸州市市场监督管理局</td><td>办理公司变更登记</td><td>已转下一环节</td>");
        print.ShouldContain("<td class=\"seq\">2</td><td>国家税务总局霸州市税务局</td><td>税务信息确认和发票申领</td><td>办结（通过）</td>");
        print.ShouldContain("<td class=\"seq\">3</td><td>霸州市人力资源和社会保障局</td><td>单位社会保险登记</td>");
        Email(deliveries).Subject.ShouldNotBeNull().ShouldEndWith("请到霸州市人力资源和社会保障局继续办理");
    }

    // ------------------------------------------------------------------------------------- refusals

    private static void Returned(Case c)
    {
        c.Kind = CaseKind.Returned;
        c.Status = CaseStatus.NotAccepted;
        c.RejectionReasons = JsonSerializer.Serialize(new[] { "申请变更的经营范围属于国家明令禁止的项目" });
        c.RejectionLegalBasis = "《市场准入负面清单（2025年版）》禁止准入类第 1 项";
    }

    [Fact]
    public async Task The_rejection_feedback_prints_the_basis_the_coordinator_entered_for_the_refusal()
    {
        var (_, deliveries) = await IssueAsync("rejection", Returned);

        var print = Print(deliveries);
        print.ShouldContain("<td class=\"seq\">1</td><td>申请变更的经营范围属于国家明令禁止的项目</td>");
        print.ShouldContain("依据</th><td>《市场准入负面清单（2025年版）》禁止准入类第 1 项");
        print.ShouldNotContain("第二十四条"); // the matter's licensing basis is not the basis of the refusal
        Email(deliveries).Text.ShouldNotBeNull().ShouldContain("依据：《市场准入负面清单（2025年版）》禁止准入类第 1 项");
    }

    [Fact]
    public async Task A_rejection_states_the_right_to_administrative_review_within_60_days_and_litigation_within_6_months_with_the_bodies()
    {
        var (_, deliveries) = await IssueAsync("rejection", Returned);

        foreach (var text in new[] { Print(deliveries), Email(deliveries).Text!, Email(deliveries).Html! })
        {
            text.ShouldContain("六十日内向霸州市人民政府申请行政复议");
            text.ShouldContain("六个月内向霸州市人民法院提起行政诉讼");
        }
    }

    [Fact]
    public async Task A_completion_reply_not_approved_states_reasons_basis_and_the_right_to_appeal_and_an_approved_one_does_not()
    {
        var (_, refused) = await IssueAsync("completion-reply", c =>
        {
            c.Status = CaseStatus.CompletedRejected;
            c.Result = "现场核查发现经营场所与登记住所不一致";
            c.RejectionLegalBasis = "《中华人民共和国市场主体登记管理条例》第十七条";
            c.CompletedAt = new DateTimeOffset(2026, 10, 12, 16, 30, 0, TimeSpan.FromHours(8));
        });
        foreach (var text in new[] { Print(refused), Email(refused).Text! })
        {
            text.ShouldContain("现场核查发现经营场所与登记住所不一致");
            text.ShouldContain("《中华人民共和国市场主体登记管理条例》第十七条");
            text.ShouldContain("六十日内向霸州市人民政府申请行政复议");
            text.ShouldContain("六个月内向霸州市人民法院提起行政诉讼");
        }

        var (_, approved) = await IssueAsync("completion-reply", c => { c.Status = CaseStatus.CompletedApproved; c.Result = "准予变更登记"; }, sequence: 18);
        Print(approved).ShouldNotContain("行政复议");
        Email(approved).Text.ShouldNotBeNull().ShouldNotContain("行政复议");
    }

    // ------------------------------------------------------------------------------------- coordination log

    [Fact]
    public async Task The_coordination_log_prints_the_reply_method_in_words_the_logged_handling_and_the_signature_image()
    {
        var (_, deliveries) = await IssueAsync("coordination-log", c => { c.Status = CaseStatus.CompletedApproved; c.Result = "准予变更登记"; c.CompletedAt = c.RegisteredAt.AddDays(5); },
            channels: "print", prepare: theCase => _host.WithDbAsync(async db =>
            {
                db.Add(new CoordinationLogEntry
                {
                    CaseId = theCase.Id, CoordinatorId = theCase.OwnerId, At = theCase.RegisteredAt.AddDays(5), Handling = "已代为提交变更材料，当面交付新营业执照",
                    ReplyMethod = "inPerson", ReplyAt = new DateTimeOffset(2026, 10, 5, 10, 15, 0, TimeSpan.FromHours(8)), Signature = SignaturePng,
                });
                return await db.SaveChangesAsync();
            }));

        var print = Print(deliveries);
        print.ShouldContain("回复方式</th><td>当面告知");
        print.ShouldNotContain("inPerson");
        print.ShouldContain("办理情况</th><td>已代为提交变更材料，当面交付新营业执照");
        // The signature drawn on screen is on the print (the attribute may encode characters; decoded it is the PNG).
        WebUtility.HtmlDecode(print).ShouldContain($"<img class=\"signature-image\" src=\"{SignaturePng}\"");
    }

    // ------------------------------------------------------------------------------------- transfer

    private Func<Case, Task> WithTransfer(TransferStatus status, string? refusal = null) => theCase => _host.WithDbAsync(async db =>
    {
        var rsj = await NoticeData.BureauAsync(db, "BZ-RSJ");
        long? receiving = null;
        if (status == TransferStatus.Accepted)
        {
            var received = await NoticeData.CaseAsync(db, 90, c => { c.BureauId = rsj; c.Number = "BZ-RSJ-2026-00090"; c.SourceCaseId = theCase.Id; }, owner: "chen.jing");
            receiving = received.Id;
        }
        db.Add(new Transfer
        {
            FromCaseId = theCase.Id, FromBureauId = theCase.BureauId, ToBureauId = rsj, Reasons = "社会保险登记不属于本局职责范围",
            LegalBasis = "《中华人民共和国社会保险法》第五十七条", Status = status, SentAt = _host.Clock.GetUtcNow(), ReceivingCaseId = receiving, RefusalReason = refusal,
        });
        return await db.SaveChangesAsync();
    });

    private static void TransferCase(Case c)
    {
        c.Category = CaseCategory.Transfer;
        c.Kind = null;
    }

    [Fact]
    public async Task A_transfer_not_yet_accepted_does_not_say_the_hand_over_is_done()
    {
        var (_, deliveries) = await IssueAsync("transfer-notice", TransferCase, prepare: WithTransfer(TransferStatus.Sent));
        var print = Print(deliveries);
        print.ShouldNotContain("已与霸州市人力资源和社会保障局办理移办手续");
        print.ShouldContain("待其接收");
        Email(deliveries).Text.ShouldNotBeNull().ShouldNotContain("办理移办手续");
    }

    [Fact]
    public async Task An_accepted_transfer_names_who_received_it_there()
    {
        var (_, deliveries) = await IssueAsync("transfer-notice", TransferCase, prepare: WithTransfer(TransferStatus.Accepted));
        var print = Print(deliveries);
        print.ShouldContain("霸州市人力资源和社会保障局已接收");
        print.ShouldContain("BZ-RSJ-2026-00090");
        print.ShouldContain("陈静");
    }

    [Fact]
    public async Task A_refused_transfer_tells_the_applicant_it_was_refused_and_why()
    {
        var (_, deliveries) = await IssueAsync("transfer-notice", TransferCase, prepare: WithTransfer(TransferStatus.Refused, "该事项不属本局职责"));
        foreach (var text in new[] { Print(deliveries), Email(deliveries).Text!, Email(deliveries).Subject! })
            text.ShouldContain("拒收");
        Print(deliveries).ShouldContain("该事项不属本局职责");
        Print(deliveries).ShouldNotContain("办理移办手续");
    }

    [Fact]
    public async Task The_transfer_sms_names_the_place_once()
    {
        var (notice, _) = await IssueAsync("transfer-notice", TransferCase, prepare: WithTransfer(TransferStatus.Sent));
        var sms = await SmsAsync(notice);
        sms.Text.ShouldNotBeNull().ShouldNotContain("政务服务中心政务服务中心");
        sms.Text.ShouldContain("霸州市迎宾道 8 号政务服务中心 8 号窗口");
    }

    [Fact]
    public async Task A_refused_transfer_sends_a_notice_and_a_transfer_needs_its_legal_basis()
    {
        await using var host = await StartAsync();
        var han = await host.LoginAsync("han.bing");
        var id = Id(await RegisterAsync(han, Registration("ZRZY-002", "BZ-ZRZY", ["查询申请书", "查询人身份证明"])));
        var noBasis = await TryCompleteAsync(han, id, "notify", new { toBureau = "BZ-RSJ", reasons = "误以为是社保记录查询" });
        (await noBasis.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["legalBasis"].ShouldNotBeNull();
        await CompleteAsync(han, id, "notify", new { toBureau = "BZ-RSJ", reasons = "误以为是社保记录查询", legalBasis = "《不动产登记暂行条例》第六条" });
        (await NoticesAsync(han, id)).ShouldBe(["transfer-notice"]);

        var chen = await host.LoginAsync("chen.jing");
        await CompleteAsync(chen, id, "receive", new { decision = "refuse", refusalReason = "不动产登记资料查询不属人社局职责" });
        (await NoticesAsync(han, id)).ShouldBe(["transfer-notice", "transfer-notice"]);
    }

    // ------------------------------------------------------------------------------------- one-time notice

    [Fact]
    public async Task The_one_time_notice_states_the_matters_procedure_and_time_limit()
    {
        var (_, deliveries) = await IssueAsync("one-time-notice", c => { c.Kind = CaseKind.Notice; c.Status = CaseStatus.Received; });
        foreach (var text in new[] { Print(deliveries), Email(deliveries).Text! })
        {
            text.ShouldContain("办理程序");
            text.ShouldContain("法定代表人本人到场签字");
            text.ShouldContain("办理时限");
            text.ShouldContain("5 个工作日");
        }
    }

    // ------------------------------------------------------------------------------------- status

    [Fact]
    public async Task A_notice_whose_sms_and_email_both_failed_is_not_shown_as_sent()
    {
        var (notice, deliveries) = await IssueAsync("receipt", c => { c.ConsentEmail = false; c.Phone = null; }, channels: "sms,email,print");

        deliveries.Single(d => d.Channel == "print").Status.ShouldBe(DeliveryStatus.Ready);
        notice.Status.ShouldNotBe(NoticeStatus.Sent);
        notice.Status.ShouldBe(NoticeStatus.NotSent);
        NoticeActions.Label(notice.Status).ShouldNotBe("已发出");
    }

    // ------------------------------------------------------------------------------------- rectification

    [Fact]
    public async Task The_rectification_answer_of_a_bad_review_is_sent_to_the_evaluator()
    {
        await using var host = await StartAsync();
        var zhou = await host.LoginAsync("zhou.hui");
        var id = Id(await RegisterAsync(zhou, Registration("WSJ-003", "BZ-WSJDS", ["延续申请表", "原卫生许可证", "卫生检测（评价）报告"])));
        await CompleteAsync(zhou, id, "review", new { kind = "commitment", committedDays = 2 });
        await CompleteAsync(zhou, id, "handle", new { outcome = "approved" });
        await zhou.PostJsonAsync($"/api/v1/cases/{id}/evaluation", new { level = 1, comment = "态度差" });
        var leader = await host.LoginAsync("wu.gang");
        await CompleteAsync(leader, id, "verify", new { substantiated = true, rectification = "协办员已作检讨，窗口增设引导员", answer = "您反映的情况属实，我们已整改，感谢监督" });

        (await NoticesAsync(zhou, id)).ShouldContain("rectification-answer");
        var notice = await host.WithDbAsync(db => db.Set<Notice>().FirstAsync(n => n.CaseId == id && n.Template == "rectification-answer"));
        notice.Recipient.ShouldBe("applicant");
        await host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
        var print = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single(d => d.Channel == "print").Html.ShouldNotBeNull();
        print.ShouldContain("您反映的情况属实，我们已整改，感谢监督");
        print.ShouldContain("非常不满意");
    }

    // ------------------------------------------------------------------------------------- registration

    [Fact]
    public async Task An_applicant_email_that_is_a_list_of_addresses_is_refused_at_registration_naming_the_field()
    {
        await using var host = await StartAsync();
        var zhang = await host.LoginAsync("zhang.wei");
        var applicant = new { type = "person", name = "刘德明", phone = "138-1234-5678", email = "a@example.com, b@evil.example", idNumber = "131081199001011238" };
        var response = await zhang.PostAsJsonAsync("/api/v1/cases", Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书"], applicant: applicant));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        ((string)problem["errors"]!["applicant.email"]![0]!).ShouldContain("电子邮箱");

        var one = new { type = "person", name = "刘德明", phone = "138-1234-5678", email = "刘德明 <liu@example.com>", idNumber = "131081199001011238" };
        var named = await zhang.PostAsJsonAsync("/api/v1/cases", Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书"], applicant: one));
        (await named.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["applicant.email"].ShouldNotBeNull();

        var good = new { type = "person", name = "刘德明", phone = "138-1234-5678", email = "liu@example.com", idNumber = "131081199001011238" };
        await (await zhang.PostAsJsonAsync("/api/v1/cases", Registration("SCJG-003", "BZ-SCJG", ["补领营业执照申请书"], applicant: good))).ShouldSucceedAsync();
    }
}
