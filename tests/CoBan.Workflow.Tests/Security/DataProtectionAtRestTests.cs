using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoBan.Workflow.Tests.Security;

/// <summary>The data-protection keys (cookies, stored SMS/SMTP secrets) are encrypted with a certificate kept outside the database.</summary>
public class DataProtectionAtRestTests
{
    [Fact]
    public async Task With_a_certificate_the_stored_keys_hold_no_plain_master_key_and_the_secrets_are_read_back_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("coban-dp-").FullName;
        try
        {
            var pfx = Path.Combine(folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=CoBan data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            }
            var settings = new Dictionary<string, string?>
            {
                ["CoBan:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "coban.db")}",
                [DataProtectionCertificate.PathSetting] = pfx,
                [DataProtectionCertificate.PasswordSetting] = "pfx-password",
                ["CoBan:Notices:Dispatcher:Enabled"] = "false",
            };

            await using (var host = await TestHost.StartAsync(settings: new(settings)))
            {
                var admin = await host.LoginAsync("admin");
                await admin.PutJsonAsync("/api/v1/notice-settings", new { values = new Dictionary<string, string?> { ["Email:Password"] = "s3cret-smtp-password" } });
                var keys = await host.WithDbAsync(db => db.Set<DataProtectionKey>().Select(k => k.Xml).ToListAsync());
                keys.ShouldNotBeEmpty();
                // Before: <masterKey><value>base64 key</value></masterKey> in the clear, next to the secrets it encrypts.
                keys.ShouldAllBe(xml => !xml.Contains("<masterKey") && xml.Contains("<encryptedSecret"));
            }

            await using (var restarted = await TestHost.StartAsync(settings: new(settings)))
            {
                using var scope = restarted.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<CoBan.Workflow.Data.CoBanDbContext>();
                var options = await scope.ServiceProvider.GetRequiredService<NoticeSettingsStore>().CurrentAsync(db, CancellationToken.None);
                options.Email.Password.ShouldBe("s3cret-smtp-password");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_certificate_the_service_starts_and_warns_once_naming_the_setting()
    {
        var logs = new CapturedLogs();
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        await host.LoginAsync("admin"); // a cookie: the key ring is created and stored
        (await host.WithDbAsync(db => db.Set<DataProtectionKey>().CountAsync())).ShouldBeGreaterThan(0);
        logs.Messages.Count(m => m.Contains(DataProtectionCertificate.PathSetting)).ShouldBe(1);
        logs.Messages.ShouldNotContain(m => m.Contains("No XML encryptor configured"));
    }

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Queue { get; } = new();
        public IEnumerable<string> Messages => Queue;
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Queue.Enqueue(formatter(state, exception));
        }
        public void Dispose() { }
    }

    [Fact]
    public async Task A_configured_certificate_that_does_not_exist_stops_the_start_naming_the_setting()
    {
        var refused = await Should.ThrowAsync<Exception>(() => TestHost.StartAsync(settings: new() { [DataProtectionCertificate.PathSetting] = "/nonexistent/keys.pfx" }));
        (refused.InnerException ?? refused).ToString().ShouldContain(DataProtectionCertificate.PathSetting);
    }
}
