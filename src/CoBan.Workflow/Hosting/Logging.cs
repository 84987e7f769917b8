using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace CoBan.Workflow.Hosting;

public static class Logging
{
    /// <summary>Serilog to the console and a daily rolling file under data/logs, with personal data masked.</summary>
    public static void AddCoBanLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[$"{CoBanOptions.Section}:DataFolder"] ?? "data";
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Filter.ByExcluding(RepeatsOurKeyWarning)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataMasking>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(folder, "logs", "coban-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}")
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    /// <summary>
    /// The framework's "No XML encryptor configured" (at every new data-protection key) says less than our own
    /// start-up warning (<c>UnencryptedKeysWarning</c>), which names the setting that fixes it. Only that
    /// message is dropped; any other warning of the key manager is kept.
    /// </summary>
    private static bool RepeatsOurKeyWarning(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager" }
        && e.MessageTemplate.Text.StartsWith("No XML encryptor configured", StringComparison.Ordinal);

    /// <summary>One line per request (method, path, status, time). Query strings are left out: they may carry phones.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CoBan.Http");
            var status = http.Response.StatusCode;
            // /health answers 503 until the service is ready (reports initialising, the scheduler starting): a state, not an error.
            var error = status >= 500 && !(status == 503 && http.Request.Path.StartsWithSegments("/health"));
            log.Log(error ? LogLevel.Error : LogLevel.Information, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                http.Request.Method, http.Request.Path.Value, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });
}
