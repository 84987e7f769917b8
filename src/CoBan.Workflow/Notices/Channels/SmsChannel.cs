using System.Text.Json;

namespace CoBan.Workflow.Notices;

/// <summary>SMS through the configured gateway (CoBan:Notices:Sms:Provider).</summary>
public sealed class SmsChannel(IEnumerable<ISmsGateway> gateways) : INoticeChannel
{
    public string Name => NoticeParts.Sms;

    public ISmsGateway? Gateway(NoticeOptions options) =>
        gateways.FirstOrDefault(g => string.Equals(g.Name, options.Sms.Provider, StringComparison.OrdinalIgnoreCase));

    public bool Deduplicates(NoticeOptions options) => Gateway(options)?.Deduplicates ?? false;

    public async Task<SendResult> SendAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct)
    {
        var gateway = Gateway(options);
        if (gateway is null)
            return new SendResult(SendOutcome.Refused, options.Sms.Provider, null, $"短信通道未配置（CoBan:Notices:Sms:Provider = {options.Sms.Provider}）/ no SMS provider is configured");
        var values = string.IsNullOrEmpty(delivery.SmsParams) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(delivery.SmsParams)!;
        var message = new SmsMessage(delivery.Address!, options.Sms.SignName, delivery.SmsTemplateCode!, values, delivery.Text ?? "", delivery.IdempotencyKey);
        return await gateway.SendAsync(message, options, ct);
    }

    /// <summary>A de-duplicating gateway is simply asked again (same key); the others cannot be asked.</summary>
    public Task<ReconcileResult> ReconcileAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct) =>
        Task.FromResult(Deduplicates(options)
            ? new ReconcileResult(ReconcileOutcome.NotSent, null, "网关按幂等键去重，重新提交 / the gateway de-duplicates on the key: submitted again")
            : new ReconcileResult(ReconcileOutcome.Unknown, null, "短信服务商不支持幂等，无法自动判断是否已发送 / the provider does not de-duplicate: cannot tell whether it was sent"));
}
