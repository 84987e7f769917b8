using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoBan.Workflow.Runtime;

public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/instances").RequireAuthorization().WithTags("Instances");
        api.MapGet("/", (long? procedureId, int? version, string? status, InstanceQueries q, CancellationToken ct) => q.ListAsync(procedureId, version, status, ct));
        api.MapPost("/", Start);
        api.MapPost("/batch", async (BatchStartRequest body, InstanceService s, CancellationToken ct) => TypedResults.Ok(new { instances = await s.StartBatchAsync(body, ct) }));
        api.MapGet("/{id:long}", (long id, InstanceQueries q, CancellationToken ct) => q.DetailAsync(id, ct));
        api.MapGet("/{id:long}/journal", (long id, InstanceQueries q, CancellationToken ct) => q.JournalAsync(id, ct));
        api.MapGet("/{id:long}/timers", (long id, InstanceQueries q, TimeProvider clock, CancellationToken ct) => q.TimersAsync(id, null, clock.GetUtcNow(), ct));
        api.MapPost("/{id:long}/variables", async (long id, VariablesRequest body, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.SetVariablesAsync(id, body, ct)).Id, ct));
        api.MapPost("/{id:long}/cancel", async (long id, CancelRequest body, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.CancelAsync(id, body.Reason, ct)).Id, ct));
        api.MapPost("/{id:long}/migrate", (long id, MigrationRequest body, InstanceService s, CancellationToken ct) => s.MigrateAsync(id, body, ct));

        app.MapGet("/api/v1/incidents", (bool? open, InstanceQueries q, CancellationToken ct) => q.IncidentsAsync(open ?? true, ct)).RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/incidents/{id:long}/retry", async (long id, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.RetryIncidentAsync(id, ct)).Id, ct))
            .RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/messages", (MessageRequest body, InstanceService s, CancellationToken ct) => s.MessageAsync(body, ct)).RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/signals", (SignalRequest body, InstanceService s, CancellationToken ct) => s.SignalAsync(body, ct)).RequireAuthorization().WithTags("Instances");
        app.MapGet("/api/v1/timers", (double? hours, InstanceQueries q, BureauScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            scope.DemandRole(Roles.Administrator, Roles.Supervisor, Roles.DutyLeader);
            return q.TimersAsync(null, hours is { } h ? TimeSpan.FromHours(h) : null, clock.GetUtcNow(), ct);
        }).RequireAuthorization().WithTags("Instances");
        return app;
    }

    private static async Task<Created<InstanceDetail>> Start(StartInstanceRequest body, InstanceService s, InstanceQueries q, CancellationToken ct)
    {
        var instance = await s.StartAsync(body, ct);
        return TypedResults.Created($"/api/v1/instances/{instance.Id}", await q.DetailAsync(instance.Id, ct));
    }
}
