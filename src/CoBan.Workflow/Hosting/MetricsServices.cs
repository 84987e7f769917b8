using CoBan.Workflow.Metrics;
using CoBan.Workflow.Identity;
using OpenTelemetry.Metrics;

namespace CoBan.Workflow.Hosting;

/// <summary>
/// OpenTelemetry metrics exported for Prometheus at CoBan:Metrics:Path (default /metrics), readable with an
/// administrator's session or API token (Authorization: Bearer …). HTTP server metrics come from ASP.NET Core's own
/// instrumentation; the service's from <see cref="CoBanMetrics"/> and <see cref="OperationsGauges"/>.
/// </summary>
public static class MetricsServices
{
    public const string Section = "CoBan:Metrics";

    public static IServiceCollection AddCoBanMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue(Section + ":Enabled", true)) return services;
        services.AddSingleton<OperationsGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(CoBanMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapCoBanMetrics(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Section + ":Enabled", true)) return app;
        // Created now, so the gauges exist before the first scrape.
        app.Services.GetRequiredService<OperationsGauges>();
        var path = app.Configuration.GetValue(Section + ":Path", "/metrics")!;
        app.MapPrometheusScrapingEndpoint(path)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Administrator))
            .DisableHttpMetrics();
        return app;
    }
}
