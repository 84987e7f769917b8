using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoBan.Workflow.Runtime;

public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/instances").RequireAuthorization().WithTags("Instances");
        api.MapGet("/", async (long? procedureId, int? version, string? status, int? page, int? pageSize, InstanceQueries q, HttpContext http, CancellationToken ct) =>
            (await q.ListAsync(procedureId, version, status, PageRequest.From(page, pageSize), ct)).Answer(http)).WithName("ListInstances").WithSummary("Instances of the procedures the caller may see, paged");
        api.MapPost("/", Start).WithName("StartInstance").WithSummary("Start an instance of a procedure's current version");
        api.MapPost("/batch", async (BatchStartRequest body, InstanceService s, CancellationToken ct) => TypedResults.Ok(new { instances = await s.StartBatchAsync(body, ct) })).WithName("StartInstances").WithSummary("Start several instances at once");
        api.MapGet("/{id:long}", (long id, InstanceQueries q, CancellationToken ct) => q.DetailAsync(id, ct)).WithName("GetInstance").WithSummary("An instance: state, tokens, variables, open tasks");
        api.MapGet("/{id:long}/journal", (long id, InstanceQueries q, CancellationToken ct) => q.JournalAsync(id, ct)).WithName("GetInstanceJournal").WithSummary("An instance's journal");
        api.MapGet("/{id:long}/timers", async (long id, int? page, int? pageSize, InstanceQueries q, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            (await q.TimersAsync(id, null, clock.GetUtcNow(), PageRequest.From(page, pageSize), ct)).Answer(http)).WithName("ListInstanceTimers").WithSummary("An instance's timers, paged");
        api.MapPost("/{id:long}/variables", async (long id, VariablesRequest body, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.SetVariablesAsync(id, body, ct)).Id, ct)).WithName("SetInstanceVariables").WithSummary("Change an instance's variables (journalled)");
        api.MapPost("/{id:long}/cancel", async (long id, CancelRequest body, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.CancelAsync(id, body.Reason, ct)).Id, ct)).WithName("CancelInstance").WithSummary("Cancel an instance with a reason");
        api.MapPost("/{id:long}/migrate", (long id, MigrationRequest body, InstanceService s, CancellationToken ct) => s.MigrateAsync(id, body, ct)).WithName("MigrateInstance").WithSummary("Move an instance to another version of its procedure");

        app.MapGet("/api/v1/incidents", async (bool? open, int? page, int? pageSize, InstanceQueries q, HttpContext http, CancellationToken ct) =>
            (await q.IncidentsAsync(open ?? true, PageRequest.From(page, pageSize), ct)).Answer(http)).RequireAuthorization().WithTags("Instances").WithName("ListIncidents").WithSummary("Incidents waiting for an administrator, paged");
        app.MapPost("/api/v1/incidents/{id:long}/retry", async (long id, InstanceService s, InstanceQueries q, CancellationToken ct) => await q.DetailAsync((await s.RetryIncidentAsync(id, ct)).Id, ct))
            .RequireAuthorization().WithTags("Instances").WithName("RetryIncident").WithSummary("Retry the failed step of an incident");
        app.MapPost("/api/v1/messages", (MessageRequest body, InstanceService s, CancellationToken ct) => s.MessageAsync(body, ct)).RequireAuthorization().WithTags("Instances").WithName("CorrelateMessage").WithSummary("Deliver a message to the instance waiting for it");
        app.MapPost("/api/v1/signals", (SignalRequest body, InstanceService s, CancellationToken ct) => s.SignalAsync(body, ct)).RequireAuthorization().WithTags("Instances").WithName("BroadcastSignal").WithSummary("Broadcast a signal to every instance waiting for it");
        app.MapPost("/api/v1/conditions", (ConditionRequest body, InstanceService s, CancellationToken ct) => s.EvaluateConditionsAsync(body, ct)).RequireAuthorization().WithTags("Instances").WithName("EvaluateConditionalStarts").WithSummary("Start an instance at every conditional start event whose condition holds on the given variables");
        app.MapGet("/api/v1/timers", async (double? hours, int? page, int? pageSize, InstanceQueries q, BureauScope scope, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            scope.DemandRole(Roles.Administrator, Roles.Supervisor, Roles.DutyLeader);
            return (await q.TimersAsync(null, hours is { } h ? TimeSpan.FromHours(h) : null, clock.GetUtcNow(), PageRequest.From(page, pageSize), ct)).Answer(http);
        }).RequireAuthorization().WithTags("Instances").WithName("ListTimers").WithSummary("Timers due soon across instances, paged");
        return app;
    }

    private static async Task<Created<InstanceDetail>> Start(StartInstanceRequest body, InstanceService s, InstanceQueries q, CancellationToken ct)
    {
        var instance = await s.StartAsync(body, ct);
        return TypedResults.Created($"/api/v1/instances/{instance.Id}", await q.DetailAsync(instance.Id, ct));
    }
}
