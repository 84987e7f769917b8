using System.Xml.Linq;
using CoBan.Workflow.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;

namespace CoBan.Workflow.Identity;

/// <summary>A data-protection key (it signs the log-in cookies), kept in the database so every node of a cluster shares it.</summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(x => x.FriendlyName).HasMaxLength(200);
}

internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        db.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionSetup
{
    public static IServiceCollection AddCoBanDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("CoBan.Workflow");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        var certificate = DataProtectionCertificate.Load(configuration);
        if (certificate is not null)
        {
            // The keys in the database are encrypted to the certificate, which lives outside the database:
            // a copy of the database alone no longer gives the cookie keys and the SMS/SMTP secrets.
            // UnprotectKeysWithAnyCertificate: on Linux the decryptor would otherwise look for the
            // certificate in an X.509 store the service does not use.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            // Our own start-up warning names the setting; the framework's "No XML encryptor configured"
            // would only repeat it without saying what to set. Filtered for every logging provider here,
            // and in the Serilog pipeline itself (Hosting/Logging.cs), which writes the console and the file.
            services.Configure<LoggerFilterOptions>(o => o.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
            services.AddHostedService<UnencryptedKeysWarning>();
        }
        return services;
    }
}

/// <summary>Logs once at start that the keys are stored unencrypted, naming the setting that fixes it.</summary>
internal sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Data-protection keys (log-in cookies, stored SMS/SMTP secrets) are kept UNENCRYPTED in the database{Production}: " +
            "set {PathSetting} (a PFX file with {PasswordSetting}, or a PEM certificate with {KeySetting}) to encrypt them with a certificate kept outside the database. " +
            "See docs/security.md.",
            environment.IsProduction() ? " in Production" : "", DataProtectionCertificate.PathSetting, DataProtectionCertificate.PasswordSetting, DataProtectionCertificate.KeyPathSetting);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
