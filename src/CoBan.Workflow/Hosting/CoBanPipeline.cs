using CoBan.Workflow.Metrics;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Calendar;
using CoBan.Workflow.Health;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Notices;
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
        Data.DatabaseBackup.MapBackupApi(app);
        app.MapAuthApi();
        app.MapProcedureApi();
        app.MapInstanceApi();
        app.MapTaskApi();
        app.MapSimulationApi();
        app.MapNoticesApi();
        app.MapCaseHandlingApi();
        app.MapCalendarApi();
        app.MapTimerApi();
        app.MapSupervisionApi();
        app.MapCoBanWeb();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
                app.Logger.LogInformation("CoBan.Workflow 已启动 / is running at {Url} (API docs: {Url}/openapi/v1.json)", url, url);
        });
        return app;
    }
}
