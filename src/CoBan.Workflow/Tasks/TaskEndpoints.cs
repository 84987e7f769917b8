namespace CoBan.Workflow.Tasks;

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tasks").RequireAuthorization().WithTags("Tasks");
        api.MapGet("/", async (string? filter, string? due, string? status, int? page, int? pageSize, TaskQueries q, HttpContext http, CancellationToken ct) =>
            (await q.PageAsync(filter, due, status, PageRequest.From(page, pageSize), ct)).Answer(http));
        api.MapGet("/{id:long}", (long id, TaskService s, CancellationToken ct) => s.DetailAsync(id, ct));
        api.MapPost("/{id:long}/claim", async (long id, TaskService s, CancellationToken ct) => await Info(await s.ClaimAsync(id, ct), s, ct));
        api.MapPost("/{id:long}/unclaim", async (long id, TaskService s, CancellationToken ct) => await Info(await s.UnclaimAsync(id, ct), s, ct));
        api.MapPost("/{id:long}/assign", async (long id, AssignRequest body, TaskService s, CancellationToken ct) => await Info(await s.AssignAsync(id, body, ct), s, ct));
        api.MapPost("/{id:long}/delegate", async (long id, AssignRequest body, TaskService s, CancellationToken ct) => await Info(await s.DelegateAsync(id, body, ct), s, ct));
        api.MapPost("/{id:long}/resolve", async (long id, TaskService s, CancellationToken ct) => await Info(await s.ResolveAsync(id, ct), s, ct));
        api.MapPost("/{id:long}/complete", async (long id, CompleteRequest body, TaskService s, CancellationToken ct) =>
        {
            var instance = await s.CompleteAsync(id, body, ct);
            return TypedResults.Ok(new { instanceId = instance.Id, instanceVersion = instance.Version, status = instance.Status.LowerCode() });
        });
        api.MapPut("/{id:long}/dates", async (long id, DueRequest body, TaskService s, CancellationToken ct) => await Info(await s.SetDatesAsync(id, body, ct), s, ct));
        api.MapGet("/{id:long}/comments", (long id, TaskService s, CancellationToken ct) => s.CommentsAsync(id, ct));
        api.MapPost("/{id:long}/comments", (long id, CommentRequest body, TaskService s, CancellationToken ct) => s.CommentAsync(id, body.Text, ct));
        return app;
    }

    private static async Task<TaskInfo> Info(WorkTask task, TaskService s, CancellationToken ct) => (await s.DetailAsync(task.Id, ct)).Task;
}
