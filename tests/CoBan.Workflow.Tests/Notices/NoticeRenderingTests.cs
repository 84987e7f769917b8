using System.Text.RegularExpressions;
using CoBan.Workflow.Cases;
using Case = CoBan.Workflow.Cases.Case;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// Every notice of the seeds rendered for a case in the database (print form, e-mail) through the
/// real outbox, and checked for what the seeds require of it.
/// </summary>
public class NoticeRenderingTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Notice Notice, List<NoticeDelivery> Deliveries)> IssueAsync(string template, Action<Case>? configure = null, string channels = "email,print",
        string recipient = "applicant", IReadOnlyDictionary<string, object?>? variables = null, Func<Case, Task>? prepare = null, long? workTaskId = null)
    {
        var theCase = await _host.WithDbAsync(db => NoticeData.CaseAsync(db, configure: configure));
        if (prepare is not null) await prepare(theCase);
        var notice = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, template, _host.Clock.GetUtcNow(), channels, recipient, variables, workTaskId));
        await _host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
        var deliveries = await _host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id));
        notice = await _host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Set<Notice>(), n => n.Id == notice.Id));
        notice.LastError.ShouldBeNull();
        Dump(template, deliveries);
        return (notice, deliveries);
    }

    /// <summary>COBAN_NOTICE_DUMP=folder keeps what was rendered (print pages, e-mails, SMS) for a person to look at.</summary>
    private static void Dump(string template, List<NoticeDelivery> deliveries)
    {
        var folder = Environment.GetEnvironmentVariable("COBAN_NOTICE_DUMP");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        foreach (var d in deliveries.Where(d => d.Status != DeliveryStatus.Skipped))
        {
            if (d.Html is not null) File.WriteAllText(Path.Combine(folder, $"{template}.{d.Channel}.html"), d.Html);
            if (d.Text is not null) File.WriteAllText(Path.Combine(folder, $"{template}.{d.Channel}.txt"), (d.Subject is null ? "" : d.Subject + "\n\n") + d.Text);
        }
    }

    private static string Print(List<NoticeDelivery> deliveries) => deliveries.Single(d => d.Channel == "print").Html.ShouldNotBeNull();

    private static NoticeDelivery Email(List<NoticeDelivery> deliveries) => deliveries.Single(d => d.Channel == "email");

    [Fact]
    public async Task The_one_time_notice_lists_every_missing_material_at_once_with_the_legal_note()
    {
        var (notice, deliveries) = await IssueAsync("one-time-notice");

        notice.Status.ShouldBe(NoticeStatus.Sent);
        var print = Print(deliveries);
        print.ShouldContain("协办提示卡");
        foreach (var material in NoticeData.Missing) print.ShouldContain(material);
        print.ShouldContain("全部 3 项");
        print.ShouldContain("《中华人民共和国行政许可法》第三十二条");
        print.ShouldContain("一次告知");
        Regex.Matches(print, "<td class=\"seq\">").Count.ShouldBe(3);
        print.ShouldContain("已收到的材料：公司登记（备案）申请书");
        print.ShouldContain("霸州市市场监督管理局");
        print.ShouldContain("张伟");            // the coordinator who owns the case
        print.ShouldContain("刘洋");            // today's duty leader
        print.ShouldContain("@page");           // A4 print CSS

        var email = Email(deliveries);
        email.Status.ShouldBe(DeliveryStatus.Sent);
        email.Address.ShouldBe(NoticeData.ApplicantEmail);
        email.Subject.ShouldBe("【霸州市市场监督管理局】协办提示卡：“有限责任公司变更登记”需补正的全部材料");
        foreach (var material in NoticeData.Missing) { email.Text.ShouldNotBeNull().ShouldContain(material); email.Html.ShouldNotBeNull().ShouldContain(material); }
        email.Text!.ShouldContain("1. 股东会决议（原件 1 份，全体股东签字）\n2. 修改后的公司章程（原件 1 份）\n3. 营业执照正、副本（原件）\n");
        email.Text!.ShouldContain("第三十二条");
    }

    [Fact]
    public async Task The_receipt_carries_the_committed_deadline_as_a_Chinese_date()
    {
        var (_, deliveries) = await IssueAsync("receipt");

        var print = Print(deliveries);
        print.ShouldContain("协办回执");
        print.ShouldContain("<strong>2026年10月13日</strong>");
        print.ShouldContain("承诺时限 5 个工作日");
        print.ShouldContain("2026年9月30日 09:20");       // accepted at, Beijing time
        Email(deliveries).Subject.ShouldBe("【霸州市市场监督管理局】协办回执：“有限责任公司变更登记”已受理，承诺2026年10月13日前办结");
        Email(deliveries).Text!.ShouldContain("承诺办结时间：2026年10月13日");
    }

    [Fact]
    public async Task The_rejection_feedback_names_every_reason_and_the_legal_basis()
    {
        var variables = new Dictionary<string, object?>
        {
            ["rejectionReasons"] = new List<object?> { "申请变更的经营范围属于国家明令禁止的项目", "申请材料与登记信息不一致" },
            ["rejectionLegalBasis"] = "《中华人民共和国市场主体登记管理条例》第二十六条",
        };
        var (_, deliveries) = await IssueAsync("rejection", c => { c.Kind = CaseKind.Returned; c.Status = CaseStatus.NotAccepted; }, variables: variables);

        var print = Print(deliveries);
        print.ShouldContain("否定报备反馈单");
        print.ShouldContain("<td class=\"seq\">1</td><td>申请变更的经营范围属于国家明令禁止的项目</td>");
        print.ShouldContain("<td class=\"seq\">2</td><td>申请材料与登记信息不一致</td>");
        print.ShouldContain("依据</th><td>《中华人民共和国市场主体登记管理条例》第二十六条");
        Email(deliveries).Text!.ShouldContain("1. 申请变更的经营范围属于国家明令禁止的项目\n2. 申请材料与登记信息不一致");
        Email(deliveries).Text!.ShouldContain("依据：《中华人民共和国市场主体登记管理条例》第二十六条");
    }

    [Fact]
    public async Task The_rejection_falls_back_to_the_case_result_and_the_matters_legal_basis()
    {
        var (_, deliveries) = await IssueAsync("rejection", c => { c.Kind = CaseKind.Returned; c.Result = "属于国家明令禁止的项目；材料不符合法定形式"; });

        var print = Print(deliveries);
        print.ShouldContain("<td>属于国家明令禁止的项目</td>");
        print.ShouldContain("<td>材料不符合法定形式</td>");
        print.ShouldContain("《中华人民共和国市场主体登记管理条例》第二十四条");
    }

    [Fact]
    public async Task The_transfer_notice_names_the_competent_bureau_with_reasons_and_basis()
    {
        var (_, deliveries) = await IssueAsync("transfer-notice", c => { c.Category = CaseCategory.Transfer; c.Kind = null; }, prepare: theCase => _host.WithDbAsync(async db =>
        {
            db.Add(new Transfer
            {
                FromCaseId = theCase.Id, FromBureauId = theCase.BureauId, ToBureauId = await NoticeData.BureauAsync(db, "BZ-RSJ"),
                Reasons = "社会保险登记不属于本局职责范围", LegalBasis = "《中华人民共和国社会保险法》第五十七条", Status = TransferStatus.Sent, SentAt = _host.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        }));

        var print = Print(deliveries);
        print.ShouldContain("移办告知单");
        print.ShouldContain("<strong>霸州市人力资源和社会保障局</strong>");
        print.ShouldContain("政务服务中心 8 号窗口；305 室");
        print.ShouldContain("0316-7221008");
        print.ShouldContain("社会保险登记不属于本局职责范围");
        print.ShouldContain("《中华人民共和国社会保险法》第五十七条");
        Email(deliveries).Subject.ShouldBe("【霸州市市场监督管理局】移办告知：“有限责任公司变更登记”请到霸州市人力资源和社会保障局办理");
    }

    [Fact]
    public async Task The_joint_case_guidance_names_the_next_bureau_of_the_chain_and_what_it_does()
    {
        var (_, deliveries) = await IssueAsync("joint-guidance", c => { c.Category = CaseCategory.Joint; c.ChainPosition = 1; });

        var print = Print(deliveries);
        print.ShouldContain("联办导引单");
        print.ShouldContain("<strong>霸州市人力资源和社会保障局</strong>");
        print.ShouldContain("办理社会保险登记变更");
        print.ShouldContain("<td class=\"seq\">1</td><td>霸州市市场监督管理局</td><td>办理公司变更登记</td><td>已受理</td>");
        print.ShouldContain("<td class=\"seq\">2</td><td>霸州市人力资源和社会保障局</td><td>办理社会保险登记变更</td><td>待办理</td>");
        Email(deliveries).Subject.ShouldBe("【霸州市市场监督管理局】联办导引：“有限责任公司变更登记”请到霸州市人力资源和社会保障局继续办理");
    }

    [Fact]
    public async Task A_middle_link_reached_first_guides_the_applicant_back_to_the_first_bureau()
    {
        // seed 000: a bureau in the middle or at the end of a joint chain sends the applicant to the first link's bureau.
        var (_, deliveries) = await IssueAsync("joint-guidance", c => { c.Category = CaseCategory.Joint; c.ChainPosition = 2; c.SourceCaseId = null; });
        Email(deliveries).Subject.ShouldNotBeNull().ShouldEndWith("请到霸州市市场监督管理局继续办理");
    }

    [Fact]
    public async Task The_completion_reply_states_the_result_and_the_supervision_hotline()
    {
        var (_, deliveries) = await IssueAsync("completion-reply", c =>
        {
            c.Status = CaseStatus.CompletedApproved;
            c.Result = "准予变更登记，已换发营业执照";
            c.CompletedAt = new DateTimeOffset(2026, 10, 12, 16, 30, 0, TimeSpan.FromHours(8));
        });

        var print = Print(deliveries);
        print.ShouldContain("办结回复");
        print.ShouldContain("准予变更登记，已换发营业执照");
        print.ShouldContain("2026年10月12日 16:30");
        print.ShouldContain("0316-7222345");
        Email(deliveries).Text!.ShouldContain("办理结果：准予变更登记，已换发营业执照");
    }

    [Fact]
    public async Task The_village_agency_slip_prints_three_copies_for_station_town_centre_and_applicant()
    {
        var (_, deliveries) = await IssueAsync("village-slip", channels: "print");

        deliveries.Select(d => d.Channel).ShouldBe(["print"]);
        var print = Print(deliveries);
        Regex.Matches(print, "class=\"copy-label\"").Count.ShouldBe(3);
        print.ShouldContain("第一联　社区（村）便民服务站存档");
        print.ShouldContain("第二联　上报街（镇）行政服务中心");
        print.ShouldContain("第三联　申请人保存");
        Regex.Matches(print, "申请人签字").Count.ShouldBe(3);
        Regex.Matches(print, "沿虚线裁开").Count.ShouldBe(2);
        // docs/notice-variables.md: the applicant's phone is masked on print.
        print.ShouldContain("138****5678");
        print.ShouldNotContain(NoticeData.ApplicantPhone);
    }

    [Fact]
    public async Task The_coordination_log_records_the_reply_and_has_a_signature_line_for_the_applicant()
    {
        var (_, deliveries) = await IssueAsync("coordination-log", c => { c.Status = CaseStatus.CompletedApproved; c.CompletedAt = c.RegisteredAt.AddDays(5); },
            channels: "print", prepare: theCase => _host.WithDbAsync(async db =>
            {
                db.Add(new CoordinationLogEntry
                {
                    CaseId = theCase.Id, CoordinatorId = theCase.OwnerId, At = theCase.RegisteredAt.AddDays(5), Handling = "已办结",
                    ReplyMethod = "phone", ReplyAt = new DateTimeOffset(2026, 10, 5, 10, 15, 0, TimeSpan.FromHours(8)),
                });
                return await db.SaveChangesAsync();
            }));

        var print = Print(deliveries);
        print.ShouldContain("协办日志");
        print.ShouldContain("回复方式</th><td>电话");
        print.ShouldContain("2026年10月5日 10:15");
        print.ShouldContain("服务对象签字：<span class=\"line\"></span>");
    }

    [Fact]
    public async Task Staff_reminders_and_escalations_name_the_task_its_due_time_and_how_many_working_days_it_is_overdue()
    {
        var theCase = await _host.WithDbAsync(db => NoticeData.CaseAsync(db, sequence: 40));
        var task = await _host.WithDbAsync(async db =>
        {
            var t = new WorkTask
            {
                InstanceId = 0, TaskId = 1, ElementId = "handle", Name = "审核申请材料", BureauId = theCase.BureauId, CaseId = theCase.Id,
                AssigneeId = theCase.OwnerId, Due = new DateTimeOffset(2026, 9, 28, 17, 30, 0, TimeSpan.FromHours(8)), CreatedAt = theCase.RegisteredAt,
            };
            db.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var dispatcher = _host.Services.GetRequiredService<NoticeDispatcher>();
        var at = _host.Clock.GetUtcNow(); // 2026-09-30: two working days after 9-28
        var reminder = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "reminder", at, recipient: "caseOwner", workTaskId: task.Id));
        var leader = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "overdue-leader", at, recipient: "dutyLeader", workTaskId: task.Id));
        var supervisor = await _host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "overdue-supervisor", at, recipient: "supervisor", workTaskId: task.Id));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var toOwner = Email(await _host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, reminder.Id)));
        toOwner.Address.ShouldBe("zhang.wei@coban.demo");
        toOwner.Subject.ShouldBe("【办理时限提醒】审核申请材料（BZ-SCJG-2026-00040）将于2026年9月28日 17:30到期");

        var toLeader = Email(await _host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, leader.Id)));
        toLeader.Address.ShouldBe("liu.yang@coban.demo");
        toLeader.Text.ShouldNotBeNull().ShouldContain("张伟负责的“审核申请材料”已超期 2 个工作日（期限 2026年9月28日 17:30）");

        var toSupervisor = Email(await _host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, supervisor.Id)));
        toSupervisor.Address.ShouldBe("zhao.jian@coban.demo"); // the 作风办 of the city centre above the bureau
        toSupervisor.Text.ShouldNotBeNull().ShouldContain("分管责任人（带班领导）：刘洋");
    }

    [Fact]
    public async Task Applicant_data_is_html_escaped_in_html_but_kept_as_typed_in_plain_text()
    {
        var (_, deliveries) = await IssueAsync("receipt", c => c.ApplicantName = "A&B <恒达> 公司");

        Print(deliveries).ShouldContain("A&amp;B &lt;恒达&gt; 公司");
        Print(deliveries).ShouldNotContain("<恒达>");
        Email(deliveries).Html.ShouldNotBeNull().ShouldContain("A&amp;B &lt;恒达&gt; 公司");
        Email(deliveries).Text.ShouldNotBeNull().ShouldStartWith("A&B <恒达> 公司您好：");
    }

    [Fact]
    public async Task A_channel_without_consent_or_address_is_skipped_with_the_reason_on_the_timeline()
    {
        var (notice, deliveries) = await IssueAsync("receipt", c => { c.ConsentEmail = false; c.Phone = null; }, channels: "sms,email,print");

        notice.Status.ShouldBe(NoticeStatus.NotSent); // only the print form is ready: nothing has reached the applicant
        deliveries.Single(d => d.Channel == "sms").Status.ShouldBe(DeliveryStatus.Skipped);
        deliveries.Single(d => d.Channel == "email").Note.ShouldBe("申请人未同意电子邮件告知");
        deliveries.Single(d => d.Channel == "print").Status.ShouldBe(DeliveryStatus.Ready);
    }
}
