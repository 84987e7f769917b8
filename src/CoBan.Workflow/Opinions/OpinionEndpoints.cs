using CoBan.Workflow.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoBan.Workflow.Opinions;

/// <summary>The opinion book and suggestion box API (/api/v1/opinions); the page is Web/Opinions/OpinionPage.</summary>
public static class OpinionEndpoints
{
    public static IServiceCollection AddCoBanOpinions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpinionOptions>().Bind(configuration.GetSection(OpinionOptions.Section))
            .Validate(o => o.AnswerWorkingDays is >= 1 and <= 60, "CoBan:Opinions:AnswerWorkingDays must be 1 to 60").ValidateOnStart();
        services.AddScoped<OpinionService>();
        services.AddScoped<OpinionCounts>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpinionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/opinions").RequireAuthorization().WithTags("Opinions");
        api.MapGet("/", async (string? bureau, string? state, int? page, int? pageSize, OpinionService opinions, HttpContext http, CancellationToken ct) =>
                (await opinions.ListAsync(bureau, state, PageRequest.From(page, pageSize), ct)).Answer(http))
            .WithName("ListOpinions").WithSummary("意见簿/意见箱的意见（本人可见单位），最新的在前 / entries of the opinion book and suggestion box, newest first");
        api.MapPost("/", async Task<Created<OpinionView>> (OpinionRequest body, OpinionService opinions, CancellationToken ct) =>
            {
                var entry = await opinions.RecordAsync(body, ct);
                return TypedResults.Created($"/api/v1/opinions/{entry.Id}", entry);
            })
            .WithName("RecordOpinion").WithSummary("登记一条意见（编号、答复期限） / record an entry (numbered, with the date to answer by)");
        api.MapPost("/{id:long}/answer", (long id, OpinionAnswerRequest body, OpinionService opinions, CancellationToken ct) => opinions.AnswerAsync(id, body, ct))
            .WithName("AnswerOpinion").WithSummary("答复一条意见 / answer an entry");
        return app;
    }
}
