using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Health;

/// <summary>Something the health check asks besides the database (the scheduler says whether it runs).</summary>
public interface IReadinessCheck
{
    string Name { get; }
    Task<bool> IsReadyAsync(CancellationToken ct);
}

public static class HealthEndpoints
{
    /// <summary>GET /health: 200 when the database answers and every readiness check passes, else 503 naming what is not ready.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (CoBanDbContext db, IEnumerable<IReadinessCheck> checks, CancellationToken ct) =>
        {
            var status = new Dictionary<string, string>();
            bool ready;
            try
            {
                ready = await db.Database.CanConnectAsync(ct);
                status["database"] = ready ? "ready" : "unreachable";
            }
            catch (Exception e)
            {
                ready = false;
                status["database"] = "error: " + e.GetType().Name;
            }
            foreach (var check in checks)
            {
                var ok = await check.IsReadyAsync(ct);
                status[check.Name] = ok ? "ready" : "not ready";
                ready &= ok;
            }
            status["status"] = ready ? "ready" : "not ready";
            return ready ? Results.Ok(status) : Results.Json(status, statusCode: 503);
        }).AllowAnonymous().WithTags("Health");
        return app;
    }
}
