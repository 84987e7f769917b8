namespace CoBan.Workflow.Notices;

/// <summary>Configuration section CoBan:Notices (appsettings.json), overridable by administrators through the API.</summary>
public sealed class NoticeOptions
{
    public const string Section = "CoBan:Notices";

    public EmailOptions Email { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public DispatcherOptions Dispatcher { get; set; } = new();
    /// <summary>Public address of the service, for case.progressUrl (e.g. https://zwfw.example.gov.cn).</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>
    /// Where a refused applicant may appeal (行政许可法 Art. 38), by bureau code, the nearest bureau above it,
    /// then "Default". Which body reviews depends on the bureau (a county department: the county government,
    /// 行政复议法 Art. 24; a vertically managed one such as tax: the authority above it, Art. 27), so it is
    /// configured per deployment, never guessed.
    /// </summary>
    public Dictionary<string, AppealBodies> Appeal { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The administrative review body (行政复议机关) and the court (人民法院) named on a refusal.</summary>
public sealed class AppealBodies
{
    public string? ReviewBody { get; set; }
    public string? Court { get; set; }
}

public sealed class EmailOptions
{
    /// <summary>SMTP server; empty: messages are written as .eml files to <see cref="PickupFolder"/> (a fresh install's default).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>none, starttls, tls (implicit, e.g. port 465) or auto (STARTTLS when the server offers it). Empty: starttls when
    /// <see cref="StartTls"/>, tls on port 465, else auto.</summary>
    public string? Security { get; set; }
    /// <summary>Older setting: STARTTLS on the plain port (same as Security = starttls).</summary>
    public bool StartTls { get; set; }
    /// <summary>Also trust a server certificate with this SHA-256 (or SHA-1) thumbprint: a self-signed internal relay, or a test server.</summary>
    public string? TrustedCertificateThumbprint { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@coban.local";
    public string FromName { get; set; } = "政务服务中心";
    /// <summary>Default: &lt;DataFolder&gt;/mail-pickup.</summary>
    public string? PickupFolder { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class SmsOptions
{
    /// <summary>none, webhook or aliyun.</summary>
    public string Provider { get; set; } = "none";
    /// <summary>短信签名 (approved at the provider), e.g. 霸州市政务服务中心.</summary>
    public string? SignName { get; set; }
    /// <summary>The provider's approved template codes by notice name, over the catalog's.</summary>
    public Dictionary<string, string> TemplateCodes { get; set; } = [];
    public WebhookOptions Webhook { get; set; } = new();
    public AliyunOptions Aliyun { get; set; } = new();
}

public sealed class WebhookOptions
{
    public string? Url { get; set; }
    /// <summary>Shared secret: requests carry X-CoBan-Signature (HMAC-SHA256 of the body); receipts carry it over "{X-CoBan-Timestamp}.{body}".</summary>
    public string? Secret { get; set; }
    public int TimeoutSeconds { get; set; } = 15;
    /// <summary>A receipt signed further than this from now (either way) is refused, and one signature is accepted once within it.</summary>
    public int ReceiptWindowSeconds { get; set; } = 300;
}

public sealed class AliyunOptions
{
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }
    public string RegionId { get; set; } = "cn-hangzhou";
    /// <summary>Token expected as ?token= on the SmsReport receipt URL configured at Alibaba Cloud.</summary>
    public string? ReceiptToken { get; set; }
    public int TimeoutSeconds { get; set; } = 15;
}

public sealed class DispatcherOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Attempts a failing delivery gets at least before it is dead (see <see cref="RetryHorizonHours"/>).</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>
    /// How long a delivery that keeps failing for a reason that may pass (gateway or SMTP server down) is retried,
    /// counted from when it was planned: an outage of hours is ridden out. It is dead only when both this has passed and
    /// <see cref="MaxAttempts"/> attempts were made. 0: the attempts alone count.
    /// </summary>
    public double RetryHorizonHours { get; set; } = 24;
    /// <summary>Backoff: first retry after this, doubling each time, at most <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 10;
    public double MaxRetrySeconds { get; set; } = 3600;
    public double PollSeconds { get; set; } = 5;
    /// <summary>How long a node owns a delivery it is sending; longer than any provider timeout.</summary>
    public double LeaseSeconds { get; set; } = 120;
    public int BatchSize { get; set; } = 20;
}
