using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Procedures;

public static class ProcedureEndpoints
{
    public static IEndpointRouteBuilder MapProcedureApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/procedures").RequireAuthorization().WithTags("Procedures");
        api.MapGet("/", (string? bureau, ProcedureService s, CancellationToken ct) => s.ListAsync(bureau, ct));
        api.MapPost("/", Create);
        api.MapGet("/{id:long}", async (long id, ProcedureService s, CancellationToken ct) => (await s.ListAsync(null, ct)).FirstOrDefault(p => p.Id == id) is { } p ? Results.Ok(p) : throw CoBanException.NotFound("流程", "procedure"));
        api.MapGet("/{id:long}/draft", (long id, ProcedureService s, CancellationToken ct) => s.DraftAsync(id, ct));
        api.MapPut("/{id:long}/draft", (long id, DraftRequest body, ProcedureService s, CancellationToken ct) => s.SaveDraftAsync(id, body.Xml, ct));
        api.MapPost("/{id:long}/validate", Validate);
        api.MapPost("/{id:long}/publish", (long id, PublishRequest body, ProcedureService s, CancellationToken ct) => s.PublishAsync(id, body.Comment, ct));
        api.MapGet("/{id:long}/versions", (long id, ProcedureService s, CancellationToken ct) => s.VersionsAsync(id, ct));
        api.MapGet("/{id:long}/versions/{number:int}", GetVersion);
        api.MapPost("/{id:long}/versions/{number:int}/retire", (long id, int number, ProcedureService s, CancellationToken ct) => s.RetireAsync(id, number, ct));
        api.MapPost("/{id:long}/versions/{number:int}/rollback", (long id, int number, ProcedureService s, CancellationToken ct) => s.RollbackAsync(id, number, ct));
        api.MapGet("/{id:long}/compare", (long id, string from, string to, ProcedureService s, CancellationToken ct) => s.CompareAsync(id, from, to, ct));
        app.MapGet("/api/v1/bureaus/{code}/procedures/{key}", ByKey).RequireAuthorization().WithTags("Procedures");
        return app;
    }

    private static async Task<Created<ProcedureSummary>> Create(CreateProcedureRequest body, ProcedureService s, CancellationToken ct)
    {
        var created = await s.CreateAsync(body, ct);
        var summary = (await s.ListAsync(null, ct)).First(p => p.Id == created.Id);
        return TypedResults.Created($"/api/v1/procedures/{created.Id}", summary);
    }

    private static async Task<ValidationResult> Validate(long id, ValidateRequest body, ProcedureService s, CancellationToken ct)
    {
        var procedure = await s.GetAsync(id, ct);
        var xml = body.Xml ?? (await s.DraftAsync(id, ct)).Xml;
        return await s.ValidateAsync(procedure.BureauId, xml, procedure.Key, ct);
    }

    private static async Task<VersionXml> GetVersion(long id, int number, ProcedureService s, CancellationToken ct)
    {
        await s.GetAsync(id, ct);
        var version = await s.VersionAsync(id, number, ct);
        return new VersionXml(VersionInfo.Of(version), version.Xml);
    }

    private static async Task<ProcedureSummary> ByKey(string code, string key, ProcedureService s, CoBanDbContext db, CancellationToken ct)
    {
        var id = await (from p in db.Set<Procedure>() join b in db.Set<Bureau>() on p.BureauId equals b.Id
                        where b.Code == code && p.Key == key select (long?)p.Id).FirstOrDefaultAsync(ct)
                 ?? throw CoBanException.NotFound($"单位 {code} 的流程 {key}", $"procedure {key} of bureau {code}");
        await s.GetAsync(id, ct);
        return (await s.ListAsync(code, ct)).First(p => p.Id == id);
    }
}
