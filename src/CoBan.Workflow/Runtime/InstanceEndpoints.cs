using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoBan.Workflow.Runtime;

public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/instances").RequireAuthorization().WithTags("Instances");
        api.MapGet("/", async (long? procedureId, int? version, string? status, int? page, int? pageSize, InstanceQueries q, HttpContext http, CancellationToken ct) =>
            (await q.ListAsync(procedureId, version, status, PageRequest.From(page, pageSize), ct)).Answer(http));
        api.MapPost("/", Start);
        api.MapPost("/batch", async (BatchStartRequest body, InstanceService s, CancellationToken ct) => TypedResults.Ok(new { instances = await s.StartBatchAsync(body, ct) }));
        api.MapGet("/{id:long}", (long id, InstanceQueries q, CancellationToken ct) => q.DetailAsync(id, ct));
        api.MapGet("/{id:long}/journal", (long id, InstanceQueries q, CancellationToken ct) => q.JournalAsync(id, ct));
        api.MapGet("/{id:long}/timers", async (long id, int? page, int? pageSize, InstanceQueries q, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            (await q.TimersAsync(id, null, clock.GetUtcNow(), PageRequest.From(page, pageSize), ct)).Answer(http));
        api.MapPost("/{id:long}/variables", async (long id, VariablesRequest body, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.SetVariablesAsync(id, body, ct)).Id, ct));
        api.MapPost("/{id:long}/cancel", async (long id, CancelRequest body, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.CancelAsync(id, body.Reason, ct)).Id, ct));
        api.MapPost("/{id:long}/migrate", (long id, MigrationRequest body, InstanceService s, CancellationToken ct) => s.MigrateAsync(id, body, ct));

        app.MapGet("/api/v1/incidents", async (bool? open, int? page, int? pageSize, InstanceQueries q, HttpContext http, CancellationToken ct) =>
            (await q.IncidentsAsync(open ?? true, PageRequest.From(page, pageSize), ct)).Answer(http)).RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/incidents/{id:long}/retry", async (long id, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.RetryIncidentAsync(id, ct)).Id, ct))
            .RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/messages", (MessageRequest body, InstanceService s, CancellationToken ct) => s.MessageAsync(body, ct)).RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/signals", (SignalRequest body, InstanceService s, CancellationToken ct) => s.SignalAsync(body, ct)).RequireAuthorization().WithTags("Instances");
        app.MapPost("/api/v1/conditions", (ConditionRequest body, InstanceService s, CancellationToken ct) => s.EvaluateConditionsAsync(body, ct)).RequireAuthorization().WithTags("Instances");
        app.MapGet("/api/v1/timers", async (double? hours, int? page, int? pageSize, InstanceQueries q, BureauScope scope, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            scope.DemandRole(Roles.Administrator, Roles.Supervisor, Roles.DutyLeader);
            return (await q.TimersAsync(null, hours is { } h ? TimeSpan.FromHours(h) : null, clock.GetUtcNow(), PageRequest.From(page, pageSize), ct)).Answer(http);
        }).RequireAuthorization().WithTags("Instances");
        return app;
    }

    private static async Task<Created<InstanceDetail>> Start(StartInstanceRequest body, InstanceService s, InstanceQueries q, CancellationToken ct)
    {
        var instance = await s.StartAsync(body, ct);
        return TypedResults.Created($"/api/v1/instances/{instance.Id}", await q.DetailAsync(instance.Id, ct));
    }
}
