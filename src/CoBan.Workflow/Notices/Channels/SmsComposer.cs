using System.Text.Json;

namespace CoBan.Workflow.Notices;

/// <summary>SMS: a mobile number, the applicant's consent, the provider's approved template filled in (SmsBudget).</summary>
public sealed class SmsComposer(SmsChannel sms) : INoticeComposer
{
    public string Name => NoticeParts.Sms;
    public int Order => 0;
    public AddressKind Address => AddressKind.Mobile;
    public bool NeedsConsent => true;
    public IReadOnlyList<string> Parts => [NoticeParts.Sms];
    public string? LengthRule => $"{SmsBudget.SingleSegment} 字一条（含签名），超过按 {SmsBudget.ConcatenatedSegment} 字一条，最多 {SmsBudget.MaxSegments} 条；变量不超过 {SmsBudget.MaxVariable} 字";

    public string? SkipReason(NoticeRecipient recipient, NoticeOptions options) =>
        sms.Gateway(options) is null ? "短信通道未配置"
        : NoticeRecipients.NormalizeMobile(recipient.Phone) is null ? (recipient.Phone is null ? "没有手机号码" : "手机号码无效")
        : !recipient.Staff && !recipient.ConsentSms ? "申请人未同意短信告知"
        : null;

    public async Task ComposeAsync(ComposeContext context, NoticeDelivery delivery, CancellationToken ct)
    {
        // The approved template code: a bureau override's own code, else the deployment's (configuration), else the catalog's.
        var source = await context.Source(NoticeParts.Sms);
        var code = source.SmsTemplateCode ?? context.Options.Sms.TemplateCodes.GetValueOrDefault(context.Definition.Name);
        var rendered = context.Renderer.RenderSms(source, context.Model, code);
        delivery.SmsTemplateCode = rendered.SmsTemplateCode;
        delivery.SmsParams = JsonSerializer.Serialize(rendered.SmsParams, JsonDefaults.StoredIndented);
        delivery.Text = SmsBudget.Signed(context.Options.Sms.SignName, rendered.Text!);
        delivery.Address = NoticeRecipients.NormalizeMobile(context.Recipient.Phone);
    }
}
