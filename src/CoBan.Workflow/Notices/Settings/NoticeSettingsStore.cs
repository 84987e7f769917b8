using CoBan.Workflow.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The channel settings in force: configuration (CoBan:Notices:*) with the administrators' saved
/// values over it. Secrets are encrypted with the data-protection keys (shared by every node through
/// the database) and never leave the service. Read often, changed rarely: cached for a few seconds.
/// </summary>
public sealed class NoticeSettingsStore(IConfiguration configuration, IDataProtectionProvider protection, IOptions<CoBanOptions> coban, TimeProvider clock)
{
    /// <summary>The keys an administrator may set, and whether each is a secret.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Editable = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["Email:Host"] = false, ["Email:Port"] = false, ["Email:Security"] = false, ["Email:StartTls"] = false, ["Email:TrustedCertificateThumbprint"] = false,
        ["Email:TimeoutSeconds"] = false, ["Email:UserName"] = false, ["Email:Password"] = true,
        ["Email:From"] = false, ["Email:FromName"] = false, ["Email:PickupFolder"] = false,
        ["Sms:Provider"] = false, ["Sms:SignName"] = false,
        ["Sms:Webhook:Url"] = false, ["Sms:Webhook:Secret"] = true,
        ["Sms:Aliyun:Endpoint"] = false, ["Sms:Aliyun:AccessKeyId"] = false, ["Sms:Aliyun:AccessKeySecret"] = true,
        ["Sms:Aliyun:RegionId"] = false, ["Sms:Aliyun:ReceiptToken"] = true,
        ["PublicBaseUrl"] = false,
    };

    private const string TemplateCodePrefix = "Sms:TemplateCodes:";
    private readonly IDataProtector _protector = protection.CreateProtector("CoBan.Notices.Settings");
    private sealed record Cached(NoticeOptions Options, DateTimeOffset At);
    private volatile Cached? _cached;

    public static bool IsEditable(string key) => Editable.ContainsKey(key) || (key.StartsWith(TemplateCodePrefix, StringComparison.OrdinalIgnoreCase) && key.Length > TemplateCodePrefix.Length);

    public static bool IsSecret(string key) => Editable.GetValueOrDefault(key);

    public async Task<NoticeOptions> CurrentAsync(CoBanDbContext db, CancellationToken ct)
    {
        if (_cached is { } c && clock.GetUtcNow() - c.At < TimeSpan.FromSeconds(5)) return c.Options;
        var values = configuration.GetSection(NoticeOptions.Section).AsEnumerable(makePathsRelative: true)
            .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var row in await db.Set<NoticeSetting>().AsNoTracking().ToListAsync(ct))
            values[row.Key] = row.Secret && row.Value is not null ? _protector.Unprotect(row.Value) : row.Value;
        var options = new ConfigurationBuilder().AddInMemoryCollection(values).Build().Get<NoticeOptions>() ?? new NoticeOptions();
        if (string.IsNullOrWhiteSpace(options.Email.PickupFolder))
            options.Email.PickupFolder = Path.Combine(DataFolder, "mail-pickup");
        _cached = new Cached(options, clock.GetUtcNow());
        return options;
    }

    public string DataFolder => Path.GetFullPath(coban.Value.DataFolder);

    /// <summary>What an administrator sees: every setting with its value, secrets only as "set" or not.</summary>
    public async Task<List<NoticeSettingView>> ListAsync(CoBanDbContext db, CancellationToken ct)
    {
        var options = await CurrentAsync(db, ct);
        var saved = await db.Set<NoticeSetting>().AsNoTracking().ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, ct);
        var flat = new ConfigurationBuilder().AddInMemoryCollection(Flatten(options)).Build();
        var keys = Editable.Keys.Concat(options.Sms.TemplateCodes.Keys.Select(k => TemplateCodePrefix + k)).Distinct(StringComparer.OrdinalIgnoreCase);
        return keys.Select(key =>
        {
            var value = flat[key];
            var secret = IsSecret(key);
            saved.TryGetValue(key, out var row);
            return new NoticeSettingView(key, secret ? null : value, secret, !string.IsNullOrEmpty(value), row is null ? "configuration" : "database", row?.UpdatedAt, row?.UpdatedBy);
        }).ToList();
    }

    /// <summary>Saves settings; a null value removes the saved one (back to configuration). Secrets are encrypted.</summary>
    public async Task SaveAsync(CoBanDbContext db, IReadOnlyDictionary<string, string?> changes, string? who, CancellationToken ct)
    {
        var unknown = changes.Keys.Where(k => !IsEditable(k)).ToList();
        if (unknown.Count > 0)
            throw CoBanException.Invalid("unknown-setting", $"不能修改这些设置：{string.Join("、", unknown)}", $"these settings cannot be changed: {string.Join(", ", unknown)}");
        foreach (var (key, value) in changes)
        {
            var row = await db.Set<NoticeSetting>().FirstOrDefaultAsync(s => s.Key == key, ct);
            if (value is null)
            {
                if (row is not null) db.Remove(row);
                continue;
            }
            if (row is null)
            {
                row = new NoticeSetting { Key = key };
                db.Add(row);
            }
            row.Secret = IsSecret(key);
            row.Value = row.Secret ? _protector.Protect(value) : value;
            row.UpdatedAt = clock.GetUtcNow();
            row.UpdatedBy = who;
        }
        await db.SaveChangesAsync(ct);
        _cached = null;
    }

    private static Dictionary<string, string?> Flatten(NoticeOptions o)
    {
        var d = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Email:Host"] = o.Email.Host, ["Email:Port"] = o.Email.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = o.Email.Security, ["Email:StartTls"] = o.Email.StartTls ? "true" : "false",
            ["Email:TrustedCertificateThumbprint"] = o.Email.TrustedCertificateThumbprint,
            ["Email:TimeoutSeconds"] = o.Email.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Email:UserName"] = o.Email.UserName, ["Email:Password"] = o.Email.Password,
            ["Email:From"] = o.Email.From, ["Email:FromName"] = o.Email.FromName, ["Email:PickupFolder"] = o.Email.PickupFolder,
            ["Sms:Provider"] = o.Sms.Provider, ["Sms:SignName"] = o.Sms.SignName,
            ["Sms:Webhook:Url"] = o.Sms.Webhook.Url, ["Sms:Webhook:Secret"] = o.Sms.Webhook.Secret,
            ["Sms:Aliyun:Endpoint"] = o.Sms.Aliyun.Endpoint, ["Sms:Aliyun:AccessKeyId"] = o.Sms.Aliyun.AccessKeyId,
            ["Sms:Aliyun:AccessKeySecret"] = o.Sms.Aliyun.AccessKeySecret, ["Sms:Aliyun:RegionId"] = o.Sms.Aliyun.RegionId,
            ["Sms:Aliyun:ReceiptToken"] = o.Sms.Aliyun.ReceiptToken, ["PublicBaseUrl"] = o.PublicBaseUrl,
        };
        foreach (var (name, code) in o.Sms.TemplateCodes) d[TemplateCodePrefix + name] = code;
        return d;
    }
}

public sealed record NoticeSettingView(string Key, string? Value, bool Secret, bool IsSet, string Source, DateTimeOffset? UpdatedAt, string? UpdatedBy);
