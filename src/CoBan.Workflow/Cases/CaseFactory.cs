using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// Opens a case at a bureau and starts the bureau's own published version of its intake procedure,
/// in the caller's unit of work: registration at the desk, the next link of a joint chain, a
/// transfer accepted by the competent bureau.
/// </summary>
public static class CaseFactory
{
    public const string DeskIntake = "desk-intake";
    public const string VillageAgency = "village-agency";

    /// <summary>The intake procedure of a bureau: community/village stations take requests as agents (seed 004).</summary>
    public static string IntakeFor(Bureau bureau) => bureau.Level == BureauLevel.VillageStation ? VillageAgency : DeskIntake;

    /// <summary>Saves <paramref name="c"/> (numbered here) and starts <paramref name="procedureKey"/> for it.</summary>
    public static async Task<Case> OpenAsync(UnitOfWork unit, Case c, Bureau bureau, AppUser owner, string procedureKey,
        IReadOnlyDictionary<string, object?> extra, string journal, CancellationToken ct)
    {
        var db = unit.Db;
        var version = await PublishedAsync(db, bureau, procedureKey, ct);
        var (number, year, sequence) = await CaseNumbers.NextAsync(db, bureau, unit.CaseNumbering, unit.Now, ct);
        c.Number = number;
        c.Year = year;
        c.Sequence = sequence;
        c.BureauId = bureau.Id;
        c.OwnerId = owner.Id;
        c.RegisteredAt = unit.Now;
        c.Status = CaseStatus.Received;
        db.Add(c);
        await db.SaveChangesAsync(ct);
        CaseLifecycle.Write(db, c, unit.Actor, unit.Now, "case.registered", journal);

        var variables = new Dictionary<string, object?>(extra, StringComparer.Ordinal)
        {
            ["caseId"] = c.Id,
            ["caseNumber"] = c.Number,
            [WorkTaskFactory.CaseOwnerVariable] = owner.UserName,
            ["bureauCode"] = bureau.Code,
            ["bureauName"] = bureau.Name,
            ["matterName"] = c.MatterName,
            ["applicantName"] = c.ApplicantName,
            ["serviceMode"] = c.ServiceMode.Code(),
        };
        var instance = await unit.StartAsync(version, bureau.Id, procedureKey, new Engine.Execution.Start(variables), c.Number, c.Id, null, ct);
        c.InstanceId = instance.Id;
        return c;
    }

    private static async Task<ProcedureVersion> PublishedAsync(Data.CoBanDbContext db, Bureau bureau, string key, CancellationToken ct)
    {
        var version = await (from p in db.Set<Procedure>().AsNoTracking()
                             join v in db.Set<ProcedureVersion>().AsNoTracking() on p.Id equals v.ProcedureId
                             where p.BureauId == bureau.Id && p.Key == key && v.Status == VersionStatus.Published
                             orderby v.Number descending
                             select v).FirstOrDefaultAsync(ct);
        return version ?? throw CoBanException.Conflict("no-procedure", $"{bureau.Name}没有已发布的“{key}”流程，无法登记案件",
            $"{bureau.Code} has no published '{key}' procedure; the case cannot be opened");
    }
}
