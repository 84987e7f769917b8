using CoBan.Workflow.Api;
using CoBan.Workflow.Metrics;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Public;
using CoBan.Workflow.Rosters;
using CoBan.Workflow.Calendar;
using CoBan.Workflow.Health;
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

public static class CoBanPipeline
{
    public static WebApplication UseCoBan(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCoBanWebStatusPages();
        app.UseRequestLogging();
        app.UseSameOriginGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTextLengthGuard();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealth();
        app.MapCoBanMetrics();
        // Every API endpoint declares the refusals it can answer with (Api/ApiOutcomes), so the OpenAPI document lists them.
        var api = app.MapGroup("").DeclaringOutcomes();
        Data.DatabaseBackup.MapBackupApi(api);
        api.MapAuthApi();
        api.MapProcedureApi();
        api.MapInstanceApi();
        api.MapTaskApi();
        api.MapSimulationApi();
        api.MapNoticesApi();
        api.MapBureausApi();
        api.MapMatterApi();
        api.MapRosterApi();
        api.MapCaseApi();
        api.MapPublicApi();
        api.MapCalendarApi();
        api.MapTimerApi();
        api.MapSupervisionApi();
        api.MapOpinionApi();
        app.MapCoBanWeb();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                app.Logger.LogInformation("CoBan.Workflow 已启动 / is running at {Url} (API docs: {Url}/openapi/v1.json)", url, url);
        });
        return app;
    }
}
