using CoBan.Workflow.Metrics;
using System.Threading.RateLimiting;
using CoBan.Workflow.Api;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Public;
using CoBan.Workflow.Rosters;
using CoBan.Workflow.Calendar;
using CoBan.Workflow.Data;
using CoBan.Workflow.Demo;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Opinions;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Simulation;
using CoBan.Workflow.Supervision;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using CoBan.Workflow.Web;

namespace CoBan.Workflow.Hosting;

public static class CoBanServices
{
    /// <summary>The service's one registration point: data, identity, runtime and every feature.</summary>
    public static WebApplicationBuilder AddCoBan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Captive dependencies (a singleton holding a scoped service) fail at start-up in Development
        // rather than sharing one DbContext between requests in production.
        var validate = builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("CoBan:ValidateServices");
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateScopes = validate; o.ValidateOnBuild = validate; });
        DemoGuard.Check(builder.Environment, builder.Configuration);
        builder.AddCoBanLogging();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 12 * 1024 * 1024);
        services.Configure<CoBanOptions>(builder.Configuration.GetSection(CoBanOptions.Section));
        ProxyOptions.Configure(services, builder.Configuration);
        if (builder.Configuration.GetValue<bool>("CoBan:Demo"))
        {
            // The demo city replays its past weeks through the real procedures (Demo/DemoHistory.cs).
            services.AddSingleton<Demo.DemoClock>();
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<Demo.DemoClock>());
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }
        services.AddCoBanData(builder.Configuration);
        services.AddCoBanIdentity();
        services.AddCoBanDataProtection(builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddExceptionHandler<ProblemHandler>();
        services.AddOpenApi();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = 429;
            o.AddPolicy(SimulationEndpoints.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "?", _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddOptions<Cases.CaseNumberingOptions>().Bind(builder.Configuration.GetSection(Cases.CaseNumberingOptions.Section))
            .Validate(o => o.Valid, Cases.CaseNumberingOptions.InvalidMessage).ValidateOnStart();
        services.Configure<SimulationLimits>(builder.Configuration.GetSection(SimulationLimits.Section));
        services.AddSingleton<SimulationGate>();
        services.AddSingleton<ProcedureCatalog>();
        services.AddCoBanCalendar();
        services.AddCoBanTimers(builder.Configuration);
        services.AddCoBanMetrics(builder.Configuration);
        services.AddScoped<ServiceActionRegistry>();
        services.AddScoped<WorkTaskFactory>();
        services.AddScoped<CallActivities>();
        services.AddScoped<MessageCorrelation>();
        services.AddScoped<INoticeOutbox, NoticeOutbox>();
        services.AddScoped<RuntimeDependencies>();
        services.AddScoped<RuntimeService>();
        services.AddScoped<InstanceQueries>();
        services.AddScoped<InstanceService>();
        services.AddSingleton<ServiceJobDispatcher>();
        services.AddSingleton<IAfterCommit>(sp => sp.GetRequiredService<ServiceJobDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<ServiceJobDispatcher>());

        services.AddScoped<ProcedureService>();
        services.AddScoped<IProcedureValidator, ServiceActionValidator>();
        services.AddScoped<TaskQueries>();
        services.AddScoped<TaskService>();
        services.AddCoBanNotices();
        services.AddCoBanBureaus();
        services.AddCoBanMatters();
        services.AddCoBanRosters();
        services.AddCoBanCases(builder.Configuration);
        services.AddCoBanPublic(builder.Configuration);
        services.AddCoBanDemo();
        services.AddCoBanSupervision(builder.Configuration);
        services.AddCoBanOpinions(builder.Configuration);
        services.AddCoBanWeb();
        return builder;
    }

    /// <summary>Applies migrations (both providers ship them) and, in demo mode, seeds the demo city.</summary>
    public static async Task InitializeCoBanAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoBanOptions>>().Value;
        var database = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        OwnerOnlyFiles.Restrict(options.DataFolder, database.IsPostgres ? null : database.ConnectionString);
        if (options.Demo) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        else
        {
            var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
            foreach (var role in Roles.All)
                if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(role));
        }
    }
}
