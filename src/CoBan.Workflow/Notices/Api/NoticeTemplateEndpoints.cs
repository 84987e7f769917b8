namespace CoBan.Workflow.Notices;

/// <summary>/api/v1/notice-templates: the catalog, per-bureau overrides (?bureau=CODE, default the caller's), previews.</summary>
public static class NoticeTemplateEndpoints
{
    public static IEndpointRouteBuilder MapNoticeTemplateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notice-templates").RequireAuthorization().WithTags("Notice templates");
        api.MapGet("/", (string? bureau, NoticeTemplateService s, CancellationToken ct) => s.ListAsync(bureau, ct));
        api.MapGet("/variables", () => NoticeVariables.Names().ToList());
        api.MapGet("/{name}", async (string name, string? bureau, NoticeTemplateService s, CancellationToken ct) =>
            (await s.ListAsync(bureau, ct)).FirstOrDefault(t => t.Name == name) ?? throw CoBanException.NotFound($"通知模板“{name}”", $"notice template '{name}'"));
        api.MapPost("/{name}/preview", (string name, string? bureau, PreviewRequest body, NoticeTemplateService s, CancellationToken ct) => s.PreviewAsync(name, bureau, body, ct));
        api.MapGet("/{name}/{part}", (string name, string part, string? bureau, NoticeTemplateService s, CancellationToken ct) => s.GetAsync(name, part, bureau, ct));
        api.MapPut("/{name}/{part}", (string name, string part, string? bureau, SaveTemplateRequest body, NoticeTemplateService s, CancellationToken ct) => s.SaveAsync(name, part, bureau, body, ct));
        api.MapDelete("/{name}/{part}", (string name, string part, string? bureau, NoticeTemplateService s, CancellationToken ct) => s.DeleteAsync(name, part, bureau, ct));
        api.MapGet("/{name}/{part}/history", (string name, string part, string? bureau, NoticeTemplateService s, CancellationToken ct) => s.HistoryAsync(name, part, bureau, ct));
        api.MapPost("/{name}/{part}/revert", (string name, string part, string? bureau, RevertTemplateRequest body, NoticeTemplateService s, CancellationToken ct) => s.RevertAsync(name, part, bureau, body, ct));
        return app;
    }
}
