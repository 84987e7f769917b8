using System.Text.RegularExpressions;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Bureaus;

/// <summary>
/// Bureaus (单位) and their levels (seed 004): every signed-in user reads them (a transfer names the
/// competent bureau); administrators create and edit those in their scope.
/// </summary>
public static partial class BureauEndpoints
{
    public static IEndpointRouteBuilder MapBureauApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/bureaus").RequireAuthorization().WithTags("Bureaus");
        api.MapGet("/", List);
        api.MapGet("/{code}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{code}", Update);
        return app;
    }

    private static async Task<List<BureauInfo>> List(bool? active, CoBanDbContext db, CancellationToken ct)
    {
        var all = await db.Set<Bureau>().AsNoTracking().OrderBy(b => b.Level).ThenBy(b => b.Id).ToListAsync(ct);
        var codes = all.ToDictionary(b => b.Id, b => b.Code);
        return all.Where(b => active is null || b.Active == active)
            .Select(b => BureauLevels.Info(b, b.ParentId is { } p ? codes[p] : null)).ToList();
    }

    private static async Task<BureauInfo> Get(string code, CoBanDbContext db, CancellationToken ct)
    {
        var b = await FindAsync(db, code, ct);
        var parent = b.ParentId is { } p ? await db.Set<Bureau>().Where(x => x.Id == p).Select(x => x.Code).FirstAsync(ct) : null;
        return BureauLevels.Info(b, parent);
    }

    private static async Task<Created<BureauInfo>> Create(BureauRequest r, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Code) || !Code().IsMatch(r.Code)) errors["code"] = ["代码由字母、数字和连字符组成（如 BZ-SWJ） / letters, digits and dashes"];
        else if (await db.Set<Bureau>().AnyAsync(b => b.Code == r.Code, ct)) errors["code"] = ["代码已被使用 / already used"];
        if (string.IsNullOrWhiteSpace(r.ParentCode)) errors["parentCode"] = ["新单位须挂在上级单位之下 / a new bureau needs its parent"];
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-bureau", "单位信息有误", "the bureau has errors", errors);
        var parent = await FindAsync(db, r.ParentCode!, ct, "parentCode");
        await scope.DemandAsync(parent.Id, ct);
        var bureau = new Bureau { Code = r.Code!.Trim(), Name = "", ParentId = parent.Id };
        Apply(bureau, r, parent);
        db.Add(bureau);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/bureaus/{bureau.Code}", BureauLevels.Info(bureau, parent.Code));
    }

    private static async Task<BureauInfo> Update(string code, BureauRequest r, CoBanDbContext db, BureauScope scope, CurrentUser me, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var bureau = await db.Set<Bureau>().FirstOrDefaultAsync(b => b.Code == code, ct) ?? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}");
        await scope.DemandAsync(bureau.Id, ct);
        if (r.Code is { } newCode && newCode != code)
            throw CoBanException.Invalid("code-fixed", "单位代码用于案件编号，不能修改", "the code appears in case numbers and cannot change", new Dictionary<string, string[]> { ["code"] = ["不可修改 / fixed"] });
        Bureau? parent = null;
        if (r.ParentCode is { } parentCode)
        {
            parent = await FindAsync(db, parentCode, ct, "parentCode");
            await scope.DemandAsync(parent.Id, ct);
            if (parent.Id == bureau.Id || await IsBelowAsync(db, parent.Id, bureau.Id, ct))
                throw CoBanException.Invalid("parent-cycle", "上级单位不能是本单位或其下级", "the parent cannot be the bureau itself or one below it", new Dictionary<string, string[]> { ["parentCode"] = ["循环 / cycle"] });
            bureau.ParentId = parent.Id;
        }
        else if (bureau.ParentId is { } p) parent = await db.Set<Bureau>().FirstAsync(b => b.Id == p, ct);
        if (r.Active == false && bureau.Id == me.BureauId)
            throw CoBanException.Invalid("own-bureau", "不能停用自己所在的单位", "you cannot disable your own bureau", new Dictionary<string, string[]> { ["active"] = ["本单位 / own bureau"] });
        Apply(bureau, r, parent);
        await db.SaveChangesAsync(ct);
        return BureauLevels.Info(bureau, parent?.Code);
    }

    private static void Apply(Bureau b, BureauRequest r, Bureau? parent)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Name is not null) b.Name = r.Name.Trim();
        if (string.IsNullOrWhiteSpace(b.Name)) errors["name"] = ["必填 / required"];
        if (r.Level is not null)
        {
            if (EnumCodes.TryParse<BureauLevel>(r.Level, out var level)) b.Level = level;
            else errors["level"] = ["应为 cityCentre、townCentre 或 villageStation / cityCentre, townCentre or villageStation"];
        }
        else if (b.Level == 0) b.Level = parent is null ? BureauLevel.CityCentre : parent.Level;
        if (parent is not null && b.Level < parent.Level) errors["level"] = [$"层级不能高于上级单位（{BureauLevels.Label(parent.Level)}） / cannot be above its parent's level"];
        if (r.RectificationWorkingDays is { } days)
        {
            if (days is < 1 or > 60) errors["rectificationWorkingDays"] = ["1-60 个工作日（常用 5 或 15） / 1-60 working days (5 or 15 are usual)"];
            else b.RectificationWorkingDays = days;
        }
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-bureau", "单位信息有误", "the bureau has errors", errors);
        b.Address = r.Address ?? b.Address;
        b.Windows = r.Windows ?? b.Windows;
        b.Phone = r.Phone ?? b.Phone;
        b.SupervisionHotline = r.SupervisionHotline ?? b.SupervisionHotline;
        b.Website = r.Website ?? b.Website;
        b.ServiceHours = r.ServiceHours ?? b.ServiceHours;
        b.Active = r.Active ?? b.Active;
        b.PublishDutyMobiles = r.PublishDutyMobiles ?? b.PublishDutyMobiles;
    }

    private static async Task<bool> IsBelowAsync(CoBanDbContext db, long candidate, long ancestor, CancellationToken ct)
    {
        var parents = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.ParentId, ct);
        for (long? at = candidate; at is { } id; at = parents.GetValueOrDefault(id))
            if (id == ancestor) return true;
        return false;
    }

    internal static async Task<Bureau> FindAsync(CoBanDbContext db, string code, CancellationToken ct, string? field = null) =>
        await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct)
        ?? (field is null
            ? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}")
            : throw CoBanException.Invalid("unknown-bureau", $"单位 '{code}' 不存在", $"there is no bureau '{code}'", new Dictionary<string, string[]> { [field] = ["不存在 / unknown"] }));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,38}$")]
    private static partial Regex Code();
}
