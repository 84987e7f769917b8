namespace CoBan.Workflow.Notices;

/// <summary>One SMS for a provider: the approved template's code and named values, and the text they make.</summary>
public sealed record SmsMessage(string Phone, string? SignName, string TemplateCode, IReadOnlyDictionary<string, string> Params, string Text, string IdempotencyKey);

/// <summary>An SMS provider. Chinese providers only send pre-approved templates, so a message is a code and values.</summary>
public interface ISmsGateway
{
    /// <summary>webhook or aliyun (the value of CoBan:Notices:Sms:Provider).</summary>
    string Name { get; }

    /// <summary>True when the provider de-duplicates on the idempotency key, so a repeated request cannot send twice.</summary>
    bool Deduplicates { get; }

    Task<SendResult> SendAsync(SmsMessage message, NoticeOptions options, CancellationToken ct);
}
