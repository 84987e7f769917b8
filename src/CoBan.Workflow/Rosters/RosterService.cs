using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CoBan.Workflow.Rosters;

/// <summary>
/// Duty rosters (seeds 000/001/002): coordinators rotate on duty, one duty leader per day. Kept by the
/// administrators and the bureau's chief coordinator; read by everyone in scope and, for today, by the public.
/// </summary>
public sealed class RosterService(CoBanDbContext db, CurrentUser me, BureauScope scope, ICalendarSource calendars, IMemoryCache cache, TimeProvider clock)
{
    public static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public async Task<List<DutyDay>> ListAsync(string bureauCode, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var bureau = await BureauEndpoints.FindAsync(db, bureauCode, ct);
        await scope.DemandAsync(bureau.Id, ct);
        var start = from ?? Today();
        var end = to ?? start.AddDays(27);
        if (end < start || end.DayNumber - start.DayNumber > 400)
            throw CoBanException.BadRequest("bad-range", "日期范围无效（最长 400 天）", "invalid date range (400 days at most)");
        return await DaysAsync(bureau.Id, start, end, ct);
    }

    public async Task<DutyDay> SetDayAsync(string bureauCode, DateOnly date, DutyDayRequest r, CancellationToken ct)
    {
        var bureau = await EditableAsync(bureauCode, ct);
        var start = r.Start ?? new TimeOnly(8, 30);
        var end = r.End ?? new TimeOnly(17, 30);
        if (end <= start) throw Field("end", "值班结束时间应晚于开始时间", "the duty must end after it starts");
        var coordinators = await MembersAsync(bureau.Id, r.Coordinators ?? [], [Roles.Coordinator, Roles.ChiefCoordinator], "coordinators", ct);
        var leaders = await MembersAsync(bureau.Id, r.DutyLeader is null ? [] : [r.DutyLeader], [Roles.DutyLeader], "dutyLeader", ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<DutyAssignment>().Where(a => a.BureauId == bureau.Id && a.Date == date).ExecuteDeleteAsync(ct);
        foreach (var id in coordinators) db.Add(new DutyAssignment { BureauId = bureau.Id, Date = date, UserId = id, Role = DutyRole.Coordinator, Start = start, End = end, Note = r.Note });
        foreach (var id in leaders) db.Add(new DutyAssignment { BureauId = bureau.Id, Date = date, UserId = id, Role = DutyRole.DutyLeader, Start = start, End = end, Note = r.Note });
        Journal(bureau, $"{me.DisplayName} 修改 {date:yyyy-MM-dd} 值班：协办员 {coordinators.Count} 人" + (leaders.Count > 0 ? "，值班领导 1 人" : "，未设值班领导"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Forget(bureau.Id);
        return (await DaysAsync(bureau.Id, date, date, ct))[0];
    }

    public async Task ClearDayAsync(string bureauCode, DateOnly date, CancellationToken ct)
    {
        var bureau = await EditableAsync(bureauCode, ct);
        await db.Set<DutyAssignment>().Where(a => a.BureauId == bureau.Id && a.Date == date).ExecuteDeleteAsync(ct);
        Journal(bureau, $"{me.DisplayName} 清空 {date:yyyy-MM-dd} 值班安排");
        await db.SaveChangesAsync(ct);
        Forget(bureau.Id);
    }

    /// <summary>A rotation over a period, working days only (调休 weekends included): coordinators in turn, N a day; duty leaders one a day in turn. Replaces the period.</summary>
    public async Task<RotationResult> RotateAsync(string bureauCode, RotationRequest r, CancellationToken ct)
    {
        var bureau = await EditableAsync(bureauCode, ct);
        if (r.From is not { } from || r.To is not { } to || to < from || to.DayNumber - from.DayNumber > 400)
            throw Field("to", "请给出有效的起止日期（最长 400 天）", "give a valid period (400 days at most)");
        var coordinators = await MembersAsync(bureau.Id, r.Coordinators ?? [], [Roles.Coordinator, Roles.ChiefCoordinator], "coordinators", ct);
        var leaders = await MembersAsync(bureau.Id, r.DutyLeaders ?? [], [Roles.DutyLeader], "dutyLeaders", ct);
        if (coordinators.Count == 0) throw Field("coordinators", "至少安排一名协办员", "name at least one coordinator");
        var perDay = Math.Clamp(r.CoordinatorsPerDay ?? 1, 1, coordinators.Count);
        var start = r.Start ?? new TimeOnly(8, 30);
        var end = r.End ?? new TimeOnly(17, 30);
        var calendar = await calendars.ForBureauAsync(db, bureau.Id, ct);
        var skipped = new List<DateOnly>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<DutyAssignment>().Where(a => a.BureauId == bureau.Id && a.Date >= from && a.Date <= to).ExecuteDeleteAsync(ct);
        int days = 0, rows = 0, turn = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            bool working;
            try { working = calendar.IsWorkingDay(date); }
            catch (Engine.CalendarYearUnknownException e)
            {
                throw Field("to", $"{e.Year} 年节假日安排尚未载入，无法排到该年", $"the {e.Year} holiday calendar is not loaded: the rotation cannot reach it");
            }
            if (!working) { skipped.Add(date); continue; }
            for (var i = 0; i < perDay; i++, rows++)
                db.Add(new DutyAssignment { BureauId = bureau.Id, Date = date, UserId = coordinators[(turn * perDay + i) % coordinators.Count], Role = DutyRole.Coordinator, Start = start, End = end });
            if (leaders.Count > 0)
            {
                db.Add(new DutyAssignment { BureauId = bureau.Id, Date = date, UserId = leaders[turn % leaders.Count], Role = DutyRole.DutyLeader, Start = start, End = end });
                rows++;
            }
            turn++;
            days++;
        }
        Journal(bureau, $"{me.DisplayName} 排班 {from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}：{days} 个工作日，每天协办员 {perDay} 人" + (leaders.Count > 0 ? "、值班领导 1 人" : ""));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Forget(bureau.Id);
        return new RotationResult(days, rows, skipped);
    }

    /// <summary>Who is on duty at the bureau now: today's roster; without one, the role holders (the same answer tasks get).</summary>
    public async Task<OnDuty> OnDutyAsync(Bureau bureau, CancellationToken ct)
    {
        var today = Today();
        return (await cache.GetOrCreateAsync(Key(bureau.Id, today), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            var day = (await DaysAsync(bureau.Id, today, today, ct))[0];
            if (day.Coordinators.Count > 0 || day.DutyLeader is not null)
                return new OnDuty(bureau.Code, bureau.Name, today, true, day.Coordinators, day.DutyLeader);
            var coordinators = await HoldersAsync(bureau.Id, Roles.Coordinator, ct);
            var leader = (await HoldersAsync(bureau.Id, Roles.DutyLeader, ct)).FirstOrDefault();
            return new OnDuty(bureau.Code, bureau.Name, today, false, coordinators, leader);
        }))!;
    }

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);

    internal async Task<List<DutyDay>> DaysAsync(long bureauId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var rows = await (from a in db.Set<DutyAssignment>().AsNoTracking()
                          join u in db.Users on a.UserId equals u.Id
                          where a.BureauId == bureauId && a.Date >= first && a.Date <= last
                          orderby a.Date, a.Role, a.Id
                          select new { a, u }).ToListAsync(ct);
        var photos = await PhotosAsync(rows.Select(r => r.u.Id), ct);
        var days = new List<DutyDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var today = rows.Where(r => r.a.Date == date).ToList();
            DutyPerson Person(AppUser u, DutyAssignment a) => new(u.UserName!, u.DisplayName, u.Title, u.Office, u.OfficePhone, u.PhoneNumber, a.Start, a.End, photos.Contains(u.Id));
            days.Add(new DutyDay(date, Weekdays[(int)date.DayOfWeek], today.Where(r => r.a.Role == DutyRole.Coordinator).Select(r => Person(r.u, r.a)).ToList(),
                today.Where(r => r.a.Role == DutyRole.DutyLeader).Select(r => Person(r.u, r.a)).FirstOrDefault(), today.Select(r => r.a.Note).FirstOrDefault(n => n is not null)));
        }
        return days;
    }

    private async Task<List<DutyPerson>> HoldersAsync(long bureauId, string role, CancellationToken ct)
    {
        var users = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.BureauId == bureauId && u.Active && r.Name == role
                           orderby u.UserName
                           select u).ToListAsync(ct);
        var photos = await PhotosAsync(users.Select(u => u.Id), ct);
        return users.Select(u => new DutyPerson(u.UserName!, u.DisplayName, u.Title, u.Office, u.OfficePhone, u.PhoneNumber, new TimeOnly(8, 30), new TimeOnly(17, 30), photos.Contains(u.Id))).ToList();
    }

    private async Task<HashSet<string>> PhotosAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.Set<StaffPhoto>().AsNoTracking().Where(p => list.Contains(p.UserId)).Select(p => p.UserId).ToListAsync(ct)).ToHashSet();
    }

    private async Task<Bureau> EditableAsync(string bureauCode, CancellationToken ct)
    {
        var bureau = await BureauEndpoints.FindAsync(db, bureauCode, ct);
        if (me.IsIn(Roles.Administrator)) await scope.DemandAsync(bureau.Id, ct);
        else if (!(me.IsIn(Roles.ChiefCoordinator) && me.BureauId == bureau.Id))
            throw CoBanException.Forbidden("值班表由管理员或本单位首席协办员编排", "rosters are kept by administrators or the bureau's chief coordinator");
        return bureau;
    }

    /// <summary>User ids of the named users, each an active member of the bureau with one of the roles; every wrong name is reported.</summary>
    private async Task<List<string>> MembersAsync(long bureauId, List<string> userNames, string[] roles, string field, CancellationToken ct)
    {
        var names = userNames.Distinct().ToList();
        var found = await (from u in db.Users.AsNoTracking()
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where names.Contains(u.UserName!) && u.BureauId == bureauId && u.Active && roles.Contains(r.Name!)
                           select new { u.Id, u.UserName }).Distinct().ToListAsync(ct);
        var wrong = names.Where(n => found.All(f => f.UserName != n)).ToList();
        if (wrong.Count > 0)
            throw Field(field, $"以下人员不是本单位在职的{string.Join("或", roles.Select(Roles.Label))}：{string.Join("、", wrong)}",
                $"not active {string.Join(" or ", roles)} of the bureau: {string.Join(", ", wrong)}");
        return names.Select(n => found.First(f => f.UserName == n).Id).ToList();
    }

    private void Journal(Bureau bureau, string detail) => db.Add(new JournalEntry
    {
        At = clock.GetUtcNow(), BureauId = bureau.Id, UserId = me.Id, UserName = me.DisplayName, Ip = me.Ip, Action = "roster.changed", Detail = detail,
    });

    private void Forget(long bureauId) => cache.Remove(Key(bureauId, Today()));

    private static string Key(long bureauId, DateOnly date) => $"duty:{bureauId}:{date:yyyyMMdd}";

    private static CoBanException Field(string field, string zh, string en) =>
        CoBanException.Invalid("invalid-" + field, zh, en, new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });
}
