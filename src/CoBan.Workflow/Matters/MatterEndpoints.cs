using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Matters;

/// <summary>
/// The service catalogue (事项): every signed-in user reads it (a coordinator registers against any
/// bureau's matter: that is how a transfer is recognised); administrators of the owning bureau edit it.
/// Materials and the joint chain are replaced as a whole with the matter.
/// </summary>
public static class MatterEndpoints
{
    public static IEndpointRouteBuilder MapMatterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/matters").RequireAuthorization().WithTags("Matters");
        api.MapGet("/", List);
        api.MapGet("/{id:long}", (long id, CoBanDbContext db, CancellationToken ct) => GetAsync(db, id, ct));
        api.MapPost("/", Create);
        api.MapPut("/{id:long}", Update);
        return app;
    }

    private static async Task<List<MatterInfo>> List(string? bureau, string? q, bool? joint, bool? active, CoBanDbContext db, CancellationToken ct)
    {
        var query = db.Set<Matter>().AsNoTracking();
        if (bureau is not null)
        {
            var b = await BureauEndpoints.FindAsync(db, bureau, ct);
            query = query.Where(m => m.BureauId == b.Id);
        }
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(m => m.Name.Contains(q) || m.Code.Contains(q));
        if (joint is not null) query = query.Where(m => m.IsJoint == joint);
        query = query.Where(m => m.Active == (active ?? true));
        var matters = await query.OrderBy(m => m.BureauId).ThenBy(m => m.Code).ToListAsync(ct);
        return await InfosAsync(db, matters, ct);
    }

    private static async Task<Created<MatterInfo>> Create(MatterRequest r, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        if (string.IsNullOrWhiteSpace(r.BureauCode))
            throw CoBanException.Invalid("invalid-matter", "请指定事项所属单位", "the owning bureau is required", new Dictionary<string, string[]> { ["bureauCode"] = ["必填 / required"] });
        var bureau = await BureauEndpoints.FindAsync(db, r.BureauCode, ct, "bureauCode");
        await scope.DemandAsync(bureau.Id, ct);
        var matter = new Matter { BureauId = bureau.Id, Code = "", Name = "" };
        var chain = await ApplyAsync(db, matter, r, creating: true, ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(matter);
            await db.SaveChangesAsync(ct);
            await ReplaceListsAsync(db, matter, r.Materials, chain, ct);
            await transaction.CommitAsync(ct);
        }
        return TypedResults.Created($"/api/v1/matters/{matter.Id}", await GetAsync(db, matter.Id, ct));
    }

    private static async Task<MatterInfo> Update(long id, MatterRequest r, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var matter = await db.Set<Matter>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw CoBanException.NotFound("事项", "matter");
        await scope.DemandAsync(matter.BureauId, ct);
        if (r.BureauCode is { } code && code != (await db.Set<Bureau>().Where(b => b.Id == matter.BureauId).Select(b => b.Code).FirstAsync(ct)))
            throw CoBanException.Invalid("bureau-fixed", "事项的所属单位不能修改：请在新单位建立事项并停用本事项", "the owning bureau cannot change: create the matter there and deactivate this one",
                new Dictionary<string, string[]> { ["bureauCode"] = ["不可修改 / fixed"] });
        var chain = await ApplyAsync(db, matter, r, creating: false, ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await ReplaceListsAsync(db, matter, r.Materials, chain, ct);
            await transaction.CommitAsync(ct);
        }
        return await GetAsync(db, id, ct);
    }

    /// <summary>Validates every field at once (422 naming them) and applies them; returns the new chain when one is given.</summary>
    private static async Task<List<MatterChainLink>?> ApplyAsync(CoBanDbContext db, Matter m, MatterRequest r, bool creating, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating || r.Code is not null)
        {
            if (string.IsNullOrWhiteSpace(r.Code)) errors["code"] = ["必填 / required"];
            else if (await db.Set<Matter>().AnyAsync(x => x.BureauId == m.BureauId && x.Code == r.Code && x.Id != m.Id, ct)) errors["code"] = ["本单位已有该代码 / already used in this bureau"];
            else m.Code = r.Code.Trim();
        }
        if (creating || r.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(r.Name)) errors["name"] = ["必填 / required"];
            else m.Name = r.Name.Trim();
        }
        if (r.LimitWorkingDays is { } limit)
        {
            if (limit is < 0 or > 365) errors["limitWorkingDays"] = ["0-365 个工作日（0 为即办） / 0-365 working days (0: on the spot)"];
            else m.LimitWorkingDays = limit;
        }
        else if (creating) errors["limitWorkingDays"] = ["必填 / required"];
        if (r.RemindBeforeWorkingDays is { } remind) m.RemindBeforeWorkingDays = Math.Clamp(remind, 0, 30);
        if (r.EscalateAfterWorkingDays is { } escalate) m.EscalateAfterWorkingDays = Math.Clamp(escalate, 0, 30);
        m.LegalBasis = r.LegalBasis ?? m.LegalBasis;
        m.InPersonSteps = r.InPersonSteps ?? m.InPersonSteps;
        m.TolerantAcceptance = r.TolerantAcceptance ?? m.TolerantAcceptance;
        m.Fees = r.Fees ?? m.Fees;
        m.Active = r.Active ?? m.Active;

        if (r.Materials is { } materials)
        {
            var names = materials.Select(x => x.Name?.Trim() ?? "").ToList();
            if (names.Any(string.IsNullOrEmpty)) errors["materials"] = ["材料名称必填 / every material needs a name"];
            else if (names.Distinct().Count() != names.Count) errors["materials"] = ["材料名称重复 / duplicate material names"];
        }

        List<MatterChainLink>? chain = null;
        if (r.Chain is { } links)
        {
            chain = [];
            var position = 0;
            foreach (var link in links.OrderBy(l => l.Position ?? int.MaxValue))
            {
                position++;
                var bureau = link.BureauCode is null ? null : await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == link.BureauCode, ct);
                if (bureau is null) { errors[$"chain[{position - 1}].bureauCode"] = [$"单位 '{link.BureauCode}' 不存在 / unknown bureau"]; continue; }
                if (string.IsNullOrWhiteSpace(link.Part)) { errors[$"chain[{position - 1}].part"] = ["请写明该单位负责的环节 / describe the bureau's part"]; continue; }
                if (link.PartMatterId is { } part && !await db.Set<Matter>().AnyAsync(x => x.Id == part && x.BureauId == bureau.Id, ct))
                    errors[$"chain[{position - 1}].partMatterId"] = ["该环节的事项须属于该单位 / the part's matter must be the bureau's"];
                chain.Add(new MatterChainLink { Position = position, BureauId = bureau.Id, Part = link.Part!.Trim(), PartMatterId = link.PartMatterId });
            }
            if (chain.Count == 1) errors["chain"] = ["联办事项至少涉及两个单位 / a joint matter involves at least two bureaus"];
            if (chain.Select(l => l.BureauId).Distinct().Count() != chain.Count) errors["chain"] = ["同一单位在链条中出现两次 / a bureau appears twice in the chain"];
            if (chain.Count >= 2 && !chain.Any(l => l.BureauId == m.BureauId)) errors["chain"] = ["所属单位须是链条中的一环 / the owning bureau must be a link of its chain"];
            m.IsJoint = chain.Count >= 2;
        }
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-matter", "事项信息有误：" + string.Join("；", errors.Keys), "the matter has errors", errors);
        return chain;
    }

    private static async Task ReplaceListsAsync(CoBanDbContext db, Matter m, List<MaterialInfo>? materials, List<MatterChainLink>? chain, CancellationToken ct)
    {
        if (materials is not null)
        {
            await db.Set<MatterMaterial>().Where(x => x.MatterId == m.Id).ExecuteDeleteAsync(ct);
            var position = 0;
            foreach (var x in materials) db.Add(new MatterMaterial { MatterId = m.Id, Position = ++position, Name = x.Name.Trim(), Required = x.Required, Note = x.Note });
        }
        if (chain is not null)
        {
            await db.Set<MatterChainLink>().Where(x => x.MatterId == m.Id).ExecuteDeleteAsync(ct);
            foreach (var link in chain)
            {
                link.MatterId = m.Id;
                db.Add(link);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<MatterInfo> GetAsync(CoBanDbContext db, long id, CancellationToken ct)
    {
        var matter = await db.Set<Matter>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw CoBanException.NotFound("事项", "matter");
        return (await InfosAsync(db, [matter], ct))[0];
    }

    private static async Task<List<MatterInfo>> InfosAsync(CoBanDbContext db, IReadOnlyList<Matter> matters, CancellationToken ct)
    {
        var ids = matters.Select(m => m.Id).ToList();
        var materials = await db.Set<MatterMaterial>().AsNoTracking().Where(x => ids.Contains(x.MatterId)).OrderBy(x => x.Position).ToListAsync(ct);
        var links = await db.Set<MatterChainLink>().AsNoTracking().Where(x => ids.Contains(x.MatterId)).OrderBy(x => x.Position).ToListAsync(ct);
        var bureaus = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        return matters.Select(m => new MatterInfo(m.Id, bureaus[m.BureauId].Code, bureaus[m.BureauId].Name, m.Code, m.Name, m.LegalBasis, m.LimitWorkingDays, m.InPersonSteps,
            m.TolerantAcceptance, m.IsJoint, m.RemindBeforeWorkingDays, m.EscalateAfterWorkingDays, m.Fees, m.Active,
            materials.Where(x => x.MatterId == m.Id).Select(x => new MaterialInfo(x.Name, x.Required, x.Note)).ToList(),
            links.Where(x => x.MatterId == m.Id).Select(x => new ChainLinkView(x.Position, bureaus[x.BureauId].Code, bureaus[x.BureauId].Name, x.Part, x.PartMatterId)).ToList())).ToList();
    }
}
