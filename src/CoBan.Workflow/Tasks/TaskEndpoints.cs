namespace CoBan.Workflow.Tasks;

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tasks").RequireAuthorization().WithTags("Tasks");
        api.MapGet("/", async (string? filter, string? due, string? status, int? page, int? pageSize, TaskQueries q, HttpContext http, CancellationToken ct) =>
            (await q.PageAsync(filter, due, status, PageRequest.From(page, pageSize), ct)).Answer(http)).WithName("ListTasks").WithSummary("List the tasks the caller may see (filter: mine, group, all; due; status), paged");
        api.MapGet("/{id:long}", (long id, TaskService s, CancellationToken ct) => s.DetailAsync(id, ct)).WithName("GetTask").WithSummary("A task with its form, variables and history");
        api.MapPost("/{id:long}/claim", async (long id, TaskService s, CancellationToken ct) => await Info(await s.ClaimAsync(id, ct), s, ct)).WithName("ClaimTask").WithSummary("Claim a group task for oneself");
        api.MapPost("/{id:long}/unclaim", async (long id, TaskService s, CancellationToken ct) => await Info(await s.UnclaimAsync(id, ct), s, ct)).WithName("UnclaimTask").WithSummary("Give a claimed task back to its group");
        api.MapPost("/{id:long}/assign", async (long id, AssignRequest body, TaskService s, CancellationToken ct) => await Info(await s.AssignAsync(id, body, ct), s, ct)).WithName("AssignTask").WithSummary("Assign a task to a user");
        api.MapPost("/{id:long}/delegate", async (long id, AssignRequest body, TaskService s, CancellationToken ct) => await Info(await s.DelegateAsync(id, body, ct), s, ct)).WithName("DelegateTask").WithSummary("Delegate a task; it comes back to the owner when resolved");
        api.MapPost("/{id:long}/resolve", async (long id, TaskService s, CancellationToken ct) => await Info(await s.ResolveAsync(id, ct), s, ct)).WithName("ResolveTask").WithSummary("Resolve a delegated task back to its owner");
        api.MapPost("/{id:long}/complete", async (long id, CompleteRequest body, TaskService s, CancellationToken ct) =>
        {
            var instance = await s.CompleteAsync(id, body, ct);
            return TypedResults.Ok(new { instanceId = instance.Id, instanceVersion = instance.Version, status = instance.Status.LowerCode() });
        }).WithName("CompleteTask").WithSummary("Complete a task with its form values; the instance advances");
        api.MapPut("/{id:long}/dates", async (long id, DueRequest body, TaskService s, CancellationToken ct) => await Info(await s.SetDatesAsync(id, body, ct), s, ct)).WithName("SetTaskDates").WithSummary("Set a task's due and follow-up dates");
        api.MapGet("/{id:long}/comments", (long id, TaskService s, CancellationToken ct) => s.CommentsAsync(id, ct)).WithName("ListTaskComments").WithSummary("A task's comments");
        api.MapPost("/{id:long}/comments", (long id, CommentRequest body, TaskService s, CancellationToken ct) => s.CommentAsync(id, body.Text, ct)).WithName("AddTaskComment").WithSummary("Comment on a task");
        return app;
    }

    private static async Task<TaskInfo> Info(WorkTask task, TaskService s, CancellationToken ct) => (await s.DetailAsync(task.Id, ct)).Task;
}
