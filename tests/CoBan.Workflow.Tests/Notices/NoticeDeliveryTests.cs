using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>Notices decided by a workflow step travel through the outbox to a real SMTP server and an HTTP SMS gateway.</summary>
public class NoticeDeliveryTests
{
    internal const string Secret = "webhook-secret-for-tests";

    /// <summary>start → review (user task with a remarks field) → send task (the receipt) → end.</summary>
    private static string ReceiptProcedure(string channels) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {{Models.Namespaces}} id="d_receipt" targetNamespace="http://coban.test">
          <bpmn:process id="commitment-receipt" name="承诺件回执" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" name="审核申请材料" coban:assignTo="caseOwner">
              <bpmn:extensionElements><coban:formField id="remarks" label="备注" type="string" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sendTask id="sendReceipt" name="出具协办回执" coban:notice="receipt" coban:channels="{{channels}}" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="sendReceipt" />
            <bpmn:sequenceFlow id="f3" sourceRef="sendReceipt" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Runs the procedure for a case of the demo city up to the send task; returns the case id.</summary>
    private static async Task<long> RunProcedureAsync(TestHost host, string channels)
    {
        var procedureId = await ProcedureSteps.PublishAsync(host, ReceiptProcedure(channels));
        var coordinator = await host.LoginAsync("zhang.wei");
        var instance = await ProcedureSteps.StartAsync(coordinator, procedureId, "zhang.wei");
        var instanceId = (long)instance["instance"]!["id"]!;
        var (caseId, taskId) = await host.WithDbAsync(async db =>
        {
            var theCase = await NoticeData.CaseAsync(db);
            theCase.InstanceId = instanceId;
            var row = await db.Set<ProcessInstance>().FirstAsync(i => i.Id == instanceId);
            row.CaseId = theCase.Id;
            await db.SaveChangesAsync();
            return (theCase.Id, await db.Set<WorkTask>().Where(t => t.InstanceId == instanceId).Select(t => t.Id).FirstAsync());
        });
        var completed = await coordinator.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { remarks = "请携带营业执照原件" } });
        await completed.ShouldSucceedAsync();
        return caseId;
    }

    [Fact]
    public async Task A_receipt_decided_by_a_step_reaches_a_real_smtp_server_with_chinese_subject_and_plain_and_html_parts()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await TestHost.StartAsync(settings: new()
        {
            ["CoBan:Notices:Email:Host"] = smtp.Host,
            ["CoBan:Notices:Email:Port"] = smtp.Port.ToString(),
            ["CoBan:Notices:Email:From"] = "noreply@bzscjg.gov.test",
            ["CoBan:Notices:Email:FromName"] = "霸州市市场监督管理局",
            ["CoBan:Notices:Dispatcher:PollSeconds"] = "60", // only the after-commit wake-up can deliver it in time
        });

        var caseId = await RunProcedureAsync(host, "email,print");

        var mail = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15))).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("【霸州市市场监督管理局】协办回执：“有限责任公司变更登记”已受理，承诺2026年10月13日前办结", mail.Raw);
        mail.From.ShouldNotBeNull().ShouldContain("霸州市市场监督管理局");
        mail.To.ShouldNotBeNull().ShouldContain(NoticeData.ApplicantEmail);
        mail.Root.MediaType.ShouldBe("multipart/alternative", mail.Raw);
        mail.Leaves.Select(p => p.MediaType).ShouldBe(["text/plain", "text/html"]);
        mail.PlainText.ShouldNotBeNull().ShouldStartWith("霸州市恒达五金制品有限公司您好：");
        mail.PlainText.ShouldContain("承诺办结时间：2026年10月13日");
        mail.Html.ShouldNotBeNull().ShouldContain("<strong>2026年10月13日</strong>");

        // The mail reaches the server just before the dispatcher records it: give the record a moment.
        (Notice Notice, List<NoticeDelivery> Deliveries) read = default;
        for (var i = 0; i < 50; i++)
        {
            read = await host.WithDbAsync(async db =>
            {
                var n = await db.Set<Notice>().SingleAsync(x => x.CaseId == caseId);
                return (n, await NoticeData.DeliveriesAsync(db, n.Id));
            });
            if (read.Notice.Status == NoticeStatus.Sent) break;
            await Task.Delay(100);
        }
        var notice = read.Notice.ShouldNotBeNull();
        var deliveries = read.Deliveries.ShouldNotBeNull();
        notice.Status.ShouldBe(NoticeStatus.Sent);
        notice.Form.ShouldNotBeNull().ShouldContain("请携带营业执照原件"); // the completing task's form, for form.*
        notice.WorkTaskId.ShouldNotBeNull();
        var email = deliveries.Single(d => d.Channel == "email");
        email.Status.ShouldBe(DeliveryStatus.Sent);
        email.Attempts.ShouldBe(1);
        email.Provider.ShouldBe("smtp");
        email.ProviderMessageId.ShouldBe(mail.Header("Message-ID")); // stable, made from the idempotency key
        email.ProviderMessageId.ShouldNotBeNull().ShouldContain(notice.IdempotencyKey.Replace(':', '.'));
        deliveries.Single(d => d.Channel == "print").Status.ShouldBe(DeliveryStatus.Ready);

        var journal = await host.WithDbAsync(db => db.Set<JournalEntry>().Where(j => j.CaseId == caseId && j.Action.StartsWith("notice.")).Select(j => j.Action).ToListAsync());
        journal.ShouldBe(["notice.planned", "notice.sent"]);
        // The step that decided the notice says so in its own journal row.
        var decided = await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.CaseId == caseId && j.Detail.Contains("生成通知“receipt”")));
        decided.ShouldBe(1);
    }

    [Fact]
    public async Task An_sms_reaches_an_http_gateway_as_template_code_and_values_with_the_idempotency_key_and_its_receipt_is_recorded()
    {
        await using var gateway = await TestSmsGateway.StartAsync(secret: Secret);
        await using var host = await TestHost.StartAsync(settings: SmsSettings(gateway, new() { ["CoBan:Notices:Sms:TemplateCodes:receipt"] = "SMS_480000002" }));

        var caseId = await RunProcedureAsync(host, "sms");
        await host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

        var sms = gateway.Sent.Values.ShouldHaveSingleItem();
        sms.Phone.ShouldBe(NoticeData.ApplicantPhone);
        sms.SignName.ShouldBe("霸州市政务服务中心");
        sms.TemplateCode.ShouldBe("SMS_480000002"); // the deployment's approved code, over the catalog's
        ((string?)sms.Params["deadline"]).ShouldBe("2026年10月13日");
        ((string?)sms.Params["matter"]).ShouldBe("有限责任公司变更登记");
        sms.Text.ShouldBe("【霸州市政务服务中心】您的有限责任公司变更登记已受理（BZ-SCJG-2026-00017），承诺2026年10月13日前办结。");
        gateway.Requests.Count.ShouldBe(1);
        sms.SignatureValid.ShouldBeTrue("the request body is signed with the shared secret");

        var notice = await host.WithDbAsync(db => db.Set<Notice>().SingleAsync(n => n.CaseId == caseId));
        var delivery = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();
        delivery.IdempotencyKey.ShouldBe($"{notice.IdempotencyKey}:sms");
        sms.Key.ShouldBe(delivery.IdempotencyKey);
        delivery.ProviderMessageId.ShouldBe(sms.MessageId);

        // The gateway reports the handset received it.
        var anonymous = host.Anonymous();
        var receipt = JsonSerializer.Serialize(new[] { new { messageId = sms.MessageId, status = "delivered", code = "DELIVRD", at = "2026-09-30T01:05:00Z" } });
        (await anonymous.PostAsync("/api/v1/notice-receipts/webhook", new StringContent(receipt, Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden); // unsigned
        var answer = await (await anonymous.PostAsync("/api/v1/notice-receipts/webhook", SignedReceipt(receipt, host.Clock.GetUtcNow()))).JsonAsync();
        ((int)answer["matched"]!).ShouldBe(1);

        // The case timeline shows the text as sent, the status, the attempts and the receipt.
        var coordinator = await host.LoginAsync("zhang.wei");
        var timeline = (await coordinator.GetJsonAsync($"/api/v1/notices?caseId={caseId}")).AsArray();
        var shown = timeline.ShouldHaveSingleItem()!;
        ((string?)shown["template"]).ShouldBe("receipt");
        ((string?)shown["title"]).ShouldBe("协办回执");
        ((string?)shown["status"]).ShouldBe("sent");
        var shownSms = shown["deliveries"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)shownSms["status"]).ShouldBe("delivered");
        ((string?)shownSms["statusLabel"]).ShouldBe("已送达");
        ((string?)shownSms["text"]).ShouldBe(sms.Text);
        ((string?)shownSms["address"]).ShouldBe("138****5678");
        ((int)shownSms["attempts"]!).ShouldBe(1);
        ((string?)shownSms["receipt"]).ShouldBe("DELIVRD");
        ((string?)shownSms["providerMessageId"]).ShouldBe(sms.MessageId);
        var byInstance = (await coordinator.GetJsonAsync($"/api/v1/notices?instanceId={(long)shown["instanceId"]!}")).AsArray();
        byInstance.Count.ShouldBe(1);
        var detail = await coordinator.GetJsonAsync($"/api/v1/notices/{(long)shown["id"]!}");
        ((string?)detail["deliveries"]![0]!["smsParams"]!["deadline"]).ShouldBe("2026年10月13日");
    }

    [Fact]
    public async Task The_print_form_is_served_as_issued_and_its_first_printing_is_recorded()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "one-time-notice", host.Clock.GetUtcNow(), "sms,print"));
        await host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

        var coordinator = await host.LoginAsync("zhang.wei");
        var page = await coordinator.GetAsync($"/print/notices/{notice.Id}");
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<title>协办提示卡（一次性告知）</title>");
        html.ShouldContain("股东会决议");
        (await (await coordinator.GetAsync($"/api/v1/notices/{notice.Id}/print")).Content.ReadAsStringAsync()).ShouldBe(html);

        var print = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single(d => d.Channel == "print");
        print.PrintedBy.ShouldBe("张伟");
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.CaseId == theCase.Id && j.Action == "notice.printed"))).ShouldBe(1);

        // A form outside any notice: the coordination log of the case, from the current data.
        var log = await (await coordinator.GetAsync($"/print/cases/{theCase.Id}/coordination-log")).Content.ReadAsStringAsync();
        log.ShouldContain("协办日志");
        log.ShouldContain("服务对象签字");

        // Another bureau's coordinator may not read it.
        var other = await host.LoginAsync("chen.jing");
        (await other.GetAsync($"/api/v1/notices/{notice.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_an_smtp_host_e_mail_goes_to_the_pickup_folder_of_a_fresh_install()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "completion-reply", host.Clock.GetUtcNow(), "email"));
        await host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

        var delivery = (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();
        delivery.Status.ShouldBe(DeliveryStatus.Sent);
        delivery.Provider.ShouldBe("pickup");
        var file = Directory.GetFiles(Path.Combine(host.DataFolder, "mail-pickup"), "*.eml").ShouldHaveSingleItem();
        var mail = ReceivedMail.Parse(await File.ReadAllBytesAsync(file));
        mail.Subject.ShouldBe("【霸州市市场监督管理局】办结回复：“有限责任公司变更登记”已办结");
        mail.Header("Message-ID").ShouldBe(delivery.ProviderMessageId);
    }

    [Fact]
    public async Task A_notice_that_cannot_be_rendered_is_dead_with_the_reason_and_is_rendered_again_once_the_template_is_fixed()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        // An override saved before the variable contract changed (the API would refuse it today).
        await host.WithDbAsync(db =>
        {
            db.Add(new NoticeTemplateVersion { BureauId = theCase.BureauId, Template = "receipt", Part = "print", Version = 1, Content = "<p>{{ this.case.committedDate }}</p>", Syntax = NoticeTemplateVersion.Scriban, CreatedAt = host.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "print"));
        var dispatcher = host.Services.GetRequiredService<NoticeDispatcher>();
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var dead = await host.WithDbAsync(db => db.Set<Notice>().SingleAsync(n => n.Id == notice.Id));
        dead.Status.ShouldBe(NoticeStatus.Dead);
        dead.LastError.ShouldNotBeNull().ShouldContain("committedDate");
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.CaseId == theCase.Id && j.Action == "notice.failed"))).ShouldBe(1);

        var admin = await host.LoginAsync("admin");
        await admin.DeleteAsync("/api/v1/notice-templates/receipt/print?bureau=BZ-SCJG");
        var coordinator = await host.LoginAsync("zhang.wei");
        var replanned = await coordinator.PostJsonAsync($"/api/v1/notices/{notice.Id}/replan");
        ((string?)replanned["status"]).ShouldBe("pending");
        await dispatcher.RunOnceAsync(CancellationToken.None);
        (await host.WithDbAsync(db => db.Set<Notice>().SingleAsync(n => n.Id == notice.Id))).Status.ShouldBe(NoticeStatus.Sent);
    }

    /// <summary>A webhook receipt as the gateway sends it: the signature covers "{timestamp}.{body}".</summary>
    internal static StringContent SignedReceipt(string body, DateTimeOffset signedAt, string secret = Secret)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(WebhookSmsGateway.TimestampHeader, timestamp);
        content.Headers.Add(WebhookSmsGateway.SignatureHeader, WebhookSmsGateway.SignReceipt(secret, timestamp, body));
        return content;
    }

    internal static Dictionary<string, string?> SmsSettings(TestSmsGateway gateway, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CoBan:Notices:Sms:Provider"] = "webhook",
            ["CoBan:Notices:Sms:SignName"] = "霸州市政务服务中心",
            ["CoBan:Notices:Sms:Webhook:Url"] = gateway.Url,
            ["CoBan:Notices:Sms:Webhook:Secret"] = Secret,
            ["CoBan:Notices:Dispatcher:Enabled"] = "false",
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return settings;
    }
}
