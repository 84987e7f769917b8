using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Rosters;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Demo;

/// <summary>
/// The case-handling part of the demo city: bureau details for the notice board, the service
/// catalogue, duty rosters for the coming six weeks, and (unless CoBan:DemoCases is false) cases in
/// every status, made by running the shipped procedures the way coordinators would: first the past
/// weeks (<see cref="DemoHistory"/>, unless CoBan:DemoHistory is false), then today's cases.
/// </summary>
public sealed class CaseDemoContributor(ICalendarSource calendars, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment, DemoCases cases,
    DemoHistory history, ILogger<CaseDemoContributor> log) : IDemoContributor
{
    public async Task SeedAsync(CoBanDbContext db, CancellationToken ct)
    {
        var bureaus = await db.Set<Bureau>().ToDictionaryAsync(b => b.Code, ct);
        foreach (var b in bureaus.Values)
        {
            b.Address ??= b.Level switch
            {
                BureauLevel.CityCentre => "霸州市迎宾道 8 号政务服务中心",
                BureauLevel.TownCentre => "霸州市南孟镇政府院内",
                _ => "霸州市南孟镇东杨庄村委会",
            };
            b.ServiceHours ??= b.Level == BureauLevel.VillageStation ? "工作日 8:30-11:30；每周三全天集中受理" : "工作日 8:30-12:00，13:30-17:30";
            b.Website ??= b.Level == BureauLevel.CityCentre ? "https://www.bazhou.gov.cn" : null;
        }
        // 国办发〔2019〕51号 leaves the rectification period to local rules: 15 working days at the health supervision institute, 5 elsewhere.
        bureaus["BZ-WSJDS"].RectificationWorkingDays = 15;
        await db.SaveChangesAsync(ct);

        await MattersAsync(db, bureaus, ct);
        await RostersAsync(db, bureaus.Values, ct);
        // Demo cases take a few seconds of workflow steps: on by default, off by default under test (tests that want them say so).
        if (configuration.GetValue("CoBan:DemoCases", !environment.IsEnvironment("Testing")))
        {
            // The past weeks first, so that case numbers and the journal run in time order.
            if (configuration.GetValue("CoBan:DemoHistory", !environment.IsEnvironment("Testing")))
                await history.SeedAsync(ct);
            log.LogInformation("Demo mode: running the shipped procedures to make cases in every status");
            await cases.SeedAsync(ct);
        }
    }

    private static async Task MattersAsync(CoBanDbContext db, Dictionary<string, Bureau> bureaus, CancellationToken ct)
    {
        var ids = new Dictionary<string, Matter>();
        foreach (var m in DemoMatters.All)
        {
            var matter = new Matter
            {
                BureauId = bureaus[m.Bureau].Id, Code = m.Code, Name = m.Name, LegalBasis = m.LegalBasis, LimitWorkingDays = m.Limit,
                InPersonSteps = m.InPerson, TolerantAcceptance = m.Tolerant, Fees = m.Fees ?? "免费", IsJoint = m.Chain is not null,
            };
            db.Add(matter);
            ids[m.Code] = matter;
        }
        await db.SaveChangesAsync(ct);
        foreach (var m in DemoMatters.All)
        {
            var id = ids[m.Code].Id;
            var position = 0;
            foreach (var name in m.Materials) db.Add(new MatterMaterial { MatterId = id, Position = ++position, Name = name, Required = true, Note = "原件及复印件各 1 份" });
            foreach (var name in m.Optional ?? []) db.Add(new MatterMaterial { MatterId = id, Position = ++position, Name = name, Required = false });
            position = 0;
            foreach (var (bureau, part, partCode) in m.Chain ?? [])
                db.Add(new MatterChainLink { MatterId = id, Position = ++position, BureauId = bureaus[bureau].Id, Part = part, PartMatterId = partCode is null ? null : ids[partCode].Id });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Six weeks of working days from today: coordinators in turn (two a day where a bureau has three or more), one duty leader a day.</summary>
    private async Task RostersAsync(CoBanDbContext db, IEnumerable<Bureau> bureaus, CancellationToken ct)
    {
        var holders = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where u.Active
                             select new { u.Id, u.BureauId, Role = r.Name }).ToListAsync(ct);
        var order = DemoData.Users.Select((u, i) => (u.UserName, i)).ToDictionary(x => x.UserName, x => x.i);
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName!, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
        foreach (var bureau in bureaus)
        {
            // The chief coordinator leads the coordinators and is on the rota last (seed 003).
            var chiefs = holders.Where(h => h.Role == Roles.ChiefCoordinator).Select(h => h.Id).ToHashSet();
            var coordinators = holders.Where(h => h.BureauId == bureau.Id && h.Role == Roles.Coordinator).Select(h => h.Id).Distinct()
                .OrderBy(id => chiefs.Contains(id)).ThenBy(id => order.GetValueOrDefault(names[id])).ToList();
            var leaders = holders.Where(h => h.BureauId == bureau.Id && h.Role == Roles.DutyLeader).Select(h => h.Id).Distinct()
                .OrderBy(id => order.GetValueOrDefault(names[id])).ToList();
            if (coordinators.Count == 0 && leaders.Count == 0) continue;
            var calendar = await calendars.ForBureauAsync(db, bureau.Id, ct);
            var perDay = coordinators.Count >= 3 ? 2 : coordinators.Count;
            var turn = 0;
            for (var date = today; date < today.AddDays(42); date = date.AddDays(1))
            {
                try
                {
                    if (!calendar.IsWorkingDay(date)) continue;
                }
                catch (Engine.CalendarYearUnknownException) { break; }
                for (var i = 0; i < perDay; i++)
                    db.Add(new DutyAssignment { BureauId = bureau.Id, Date = date, UserId = coordinators[(turn * perDay + i) % coordinators.Count], Role = DutyRole.Coordinator });
                if (leaders.Count > 0)
                    db.Add(new DutyAssignment { BureauId = bureau.Id, Date = date, UserId = leaders[turn % leaders.Count], Role = DutyRole.DutyLeader });
                turn++;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
