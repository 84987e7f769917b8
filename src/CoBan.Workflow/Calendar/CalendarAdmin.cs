using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// Calendar administration (docs/timers.md, "Calendar administration"): loading a year, adding and revoking
/// overrides, each journaled with before and after and raising the calendar revision in the same
/// transaction. Loading a year recomputes, in the same transaction, the open deadlines that were counted across it
/// provisionally (docs/calendar.md, "Provisional years"); other changes (a replaced year's corrections, overrides)
/// move deadlines only through the separate, previewed recompute.
/// </summary>
public sealed class CalendarAdmin(CoBanDbContext db, CurrentUser me, BureauScope scope, CalendarCache cache, TimeProvider clock,
    RuntimeService runtime, DeadlineService deadlines, Cases.CaseDeadlineRecompute caseDeadlines, EngineTimerRecompute engineTimers)
{
    public async Task<CalendarOverview> OverviewAsync(CancellationToken ct)
    {
        var snapshot = await cache.SnapshotAsync(db, ct);
        var stored = await db.Set<StoredCalendarYear>().AsNoTracking().ToDictionaryAsync(y => y.Year, ct);
        var names = await UserNamesAsync(stored.Values.Select(y => y.LoadedBy), ct);
        var years = snapshot.National.Years.Select(year =>
        {
            snapshot.National.TryGetYear(year, out var data);
            var row = stored.GetValueOrDefault(year);
            return new CalendarYearInfo(year, row?.Source ?? CalendarYearSources.Release, row?.LoadedAt, row?.LoadedBy is { } by ? names.GetValueOrDefault(by, by) : null,
                data.Days.Count(d => d.IsOffDay), data.Days.Count(d => !d.IsOffDay));
        }).ToList();
        return new CalendarOverview(snapshot.Revision, years, await OverridesAsync(null, includeRevoked: true, ct));
    }

    /// <summary>For the administrator's page: from 1 November (local time) it warns while next year is missing.</summary>
    public async Task<CalendarStatus> StatusAsync(CancellationToken ct)
    {
        var snapshot = await cache.SnapshotAsync(db, ct);
        var calendar = snapshot.National;
        var today = calendar.LocalDate(clock.GetUtcNow());
        var (current, next) = (today.Year, today.Year + 1);
        string? zh = null, en = null;
        if (!calendar.HasYear(current))
            (zh, en) = ($"{current} 年的节假日安排尚未载入：期限暂按法定节假日（含补假，不含调休）计算，请尽快载入国务院通知，载入后将重新核定",
                $"the {current} holiday calendar is not loaded: deadlines are counted provisionally on the statutory holidays (with make-up days, without adjusted weekends); load the State Council's notice soon, and they will be recomputed");
        else if (today.Month >= 11 && !calendar.HasYear(next))
            (zh, en) = ($"{next} 年的节假日安排尚未载入。国务院通常在 11 月公布，请公布后尽快载入；在此之前跨年的期限暂按法定节假日计算，载入后重新核定",
                $"the {next} holiday calendar is not loaded yet. The State Council usually publishes it in November; load it as soon as it is out. Until then deadlines reaching {next} are counted provisionally on the statutory holidays and recomputed when it is loaded");
        var provisional = new[] { current, next }.Where(calendar.IsProvisional).ToList();
        return new CalendarStatus(snapshot.Revision, today, current, next, calendar.Years, calendar.HasYear(current), calendar.HasYear(next), zh, en, provisional);
    }

    /// <summary>The year in the holiday-cn layout, for export or editing.</summary>
    public async Task<string> YearAsync(int year, CancellationToken ct)
    {
        var snapshot = await cache.SnapshotAsync(db, ct);
        if (!snapshot.National.TryGetYear(year, out var data)) throw CoBanException.NotFound($"{year} 年的节假日安排", $"the calendar of {year}");
        return HolidayCnFormat.Format(data);
    }

    /// <summary>Loads (or replaces) a year; deadlines that were waiting for it get their reminders planned.</summary>
    public async Task<YearLoadResult> LoadYearAsync(int year, JsonElement body, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        CalendarYear parsed;
        try
        {
            parsed = CalendarYearInput.Parse(year, body);
        }
        catch (CalendarFormatException e)
        {
            throw CoBanException.Invalid("calendar-format", "节假日安排有误，未载入：" + e.Message, "the calendar has an error and was not loaded: " + e.Message);
        }
        var data = HolidayCnFormat.Format(parsed);
        try
        {
            return await LoadAsync(year, parsed, data, ct);
        }
        finally
        {
            // Also after a rollback: the re-planning inside the transaction may have cached the uncommitted year.
            cache.Invalidate();
        }
    }

    private async Task<YearLoadResult> LoadAsync(int year, CalendarYear parsed, string data, CancellationToken ct)
    {
        var (replaced, revision, replanned, recomputed) = await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var row = await db.Set<StoredCalendarYear>().FirstOrDefaultAsync(y => y.Year == year, ct);
            var before = row?.Data ?? (WorkingCalendar.ChinaNational.TryGetYear(year, out var shipped) ? HolidayCnFormat.Format(shipped) : null);
            if (row is null) db.Add(row = new StoredCalendarYear { Year = year, Data = data, Source = CalendarYearSources.Administrator });
            row.Data = data;
            row.Source = CalendarYearSources.Administrator;
            row.LoadedAt = unit.Now;
            row.LoadedBy = me.Id;
            Journal(unit, null, before is null ? "calendar.year.loaded" : "calendar.year.replaced",
                $"{(before is null ? "载入" : "更新")} {year} 年节假日安排：放假 {parsed.Days.Count(d => d.IsOffDay)} 天，调休上班 {parsed.Days.Count(d => !d.IsOffDay)} 天", before, data);
            var revision = await BumpRevisionAsync(unit, ct);
            await db.SaveChangesAsync(ct); // the re-planning below counts on the new year
            cache.Invalidate();
            var replanned = await deadlines.ReplanWaitingForYearAsync(unit, year, ct);
            // The year was counted provisionally until now: what was counted across it is counted again, in this transaction.
            // A replaced (already official) year moves nothing here: that is the previewed recompute.
            var recomputed = before is not null ? 0
                : (await deadlines.RecomputeLoadedYearAsync(unit, year, ct)).Count + await engineTimers.RecomputeLoadedYearAsync(unit, year, ct)
                  + (await caseDeadlines.RecomputeLoadedYearAsync(unit, year, revision, ct)).Count;
            return (before is not null, revision, replanned, recomputed);
        }, ct);
        var info = new CalendarYearInfo(year, CalendarYearSources.Administrator, clock.GetUtcNow(), me.DisplayName, parsed.Days.Count(d => d.IsOffDay), parsed.Days.Count(d => !d.IsOffDay));
        return new YearLoadResult(info, replaced, revision, replanned, recomputed);
    }

    public async Task<List<CalendarOverrideInfo>> OverridesAsync(string? bureauCode, bool includeRevoked, CancellationToken ct)
    {
        long? bureauId = bureauCode is null ? null : (await BureauAsync(bureauCode, ct)).Id;
        var rows = await db.Set<CalendarOverrideEntry>().AsNoTracking()
            .Where(o => (includeRevoked || o.RevokedAt == null) && (bureauId == null || o.BureauId == bureauId || o.BureauId == null))
            .OrderBy(o => o.Date).ThenBy(o => o.Id).ToListAsync(ct);
        var bureaus = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        var names = await UserNamesAsync(rows.Select(r => r.CreatedBy), ct);
        return rows.Select(o => new CalendarOverrideInfo(o.Id, o.BureauId is { } b ? bureaus.GetValueOrDefault(b)?.Code : null, o.BureauId is { } b2 ? bureaus.GetValueOrDefault(b2)?.Name : null,
            o.Date, o.IsWorkingDay, o.Reason, o.CreatedAt, o.CreatedBy is { } by ? names.GetValueOrDefault(by, by) : null, o.RevokedAt, o.RevokeReason)).ToList();
    }

    public async Task<CalendarOverrideInfo> AddOverrideAsync(OverrideRequest request, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var errors = new Dictionary<string, string[]>();
        if (request.Date is null) errors["date"] = ["必填 / required"];
        if (request.IsWorkingDay is null) errors["isWorkingDay"] = ["必填：true 为上班，false 为不上班 / required: true = working, false = closed"];
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["必填 / required"];
        if (errors.Count > 0) throw CoBanException.Invalid("override-invalid", "请填写日期、是否上班和原因", "date, isWorkingDay and reason are required", errors);
        var bureau = request.BureauCode is null ? null : await BureauAsync(request.BureauCode, ct);
        if (bureau is not null) await scope.DemandAsync(bureau.Id, ct);
        else if (await db.Set<Bureau>().Where(b => b.Id == me.BureauId).Select(b => b.ParentId).FirstOrDefaultAsync(ct) is not null)
            throw CoBanException.Forbidden("只有最上级单位的管理员可以设置适用于所有单位的日历调整", "only an administrator of the top bureau may add an override for every bureau");

        var entry = new CalendarOverrideEntry
        {
            BureauId = bureau?.Id, Date = request.Date!.Value, IsWorkingDay = request.IsWorkingDay!.Value, Reason = request.Reason!.Trim(), CreatedBy = me.Id,
        };
        await runtime.InUnitAsync(me.Actor, async unit =>
        {
            entry.CreatedAt = unit.Now;
            db.Add(entry);
            Journal(unit, bureau?.Id, "calendar.override.added",
                $"{(bureau is null ? "所有单位" : bureau.Name)} {entry.Date:yyyy-MM-dd} 设为{(entry.IsWorkingDay ? "上班" : "不上班")}：{entry.Reason}", null, Json(entry));
            await BumpRevisionAsync(unit, ct);
            return entry;
        }, ct);
        cache.Invalidate();
        return (await OverridesAsync(null, true, ct)).First(o => o.Id == entry.Id);
    }

    public async Task<CalendarOverrideInfo> RevokeOverrideAsync(long id, string? reason, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        if (string.IsNullOrWhiteSpace(reason))
            throw CoBanException.Invalid("reason-required", "请填写撤销原因", "a reason is required", new Dictionary<string, string[]> { ["reason"] = ["必填 / required"] });
        await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var entry = await db.Set<CalendarOverrideEntry>().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw CoBanException.NotFound("日历调整", "override");
            if (entry.BureauId is { } b) await scope.DemandAsync(b, ct);
            if (entry.RevokedAt is not null) throw CoBanException.Conflict("already-revoked", "该日历调整已撤销", "the override is already revoked");
            var before = Json(entry);
            entry.RevokedAt = unit.Now;
            entry.RevokedBy = me.Id;
            entry.RevokeReason = reason.Trim();
            Journal(unit, entry.BureauId, "calendar.override.revoked", $"撤销 {entry.Date:yyyy-MM-dd} 的日历调整（{entry.Reason}）：{entry.RevokeReason}", before, Json(entry));
            await BumpRevisionAsync(unit, ct);
            return entry;
        }, ct);
        cache.Invalidate();
        return (await OverridesAsync(null, true, ct)).First(o => o.Id == id);
    }

    /// <summary>Day by day, whether the bureau works (null: the year has no data).</summary>
    public async Task<List<CalendarDayInfo>> DaysAsync(string? bureauCode, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 400)
            throw CoBanException.Invalid("range-invalid", "日期范围无效（最多 400 天）", "invalid date range (at most 400 days)");
        var bureauId = bureauCode is null ? me.BureauId : (await BureauAsync(bureauCode, ct)).Id;
        var snapshot = await cache.SnapshotAsync(db, ct);
        var calendar = snapshot.ForBureau(bureauId);
        var notes = new Dictionary<DateOnly, string>();
        for (var year = from.Year; year <= to.Year; year++)
            if (calendar.TryGetCountedYear(year, out var data, out var provisionalYear))
                foreach (var day in data.Days)
                    notes[day.Date] = (day.IsOffDay ? day.Name : $"{day.Name}调休上班") + (provisionalYear ? "（暂按法定节假日）" : "");
        foreach (var o in calendar.Overrides) notes[o.Date] = o.Reason;
        var days = new List<CalendarDayInfo>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var counted = calendar.HasYear(d.Year) || calendar.IsProvisional(d.Year);
            days.Add(new CalendarDayInfo(d, counted ? calendar.IsWorkingDay(d) : null, notes.GetValueOrDefault(d), calendar.IsProvisional(d.Year)));
        }
        return days;
    }

    public async Task<DeadlineComputeResult> DeadlineAsync(DeadlineComputeRequest request, CancellationToken ct)
    {
        if (request.From is not { } from || request.WorkingDays is not { } days)
            throw CoBanException.Invalid("deadline-invalid", "请给出起算时间和工作日数", "give the start (from) and the number of working days",
                new Dictionary<string, string[]> { ["from"] = ["必填 / required"], ["workingDays"] = ["必填 / required"] });
        var bureau = request.BureauCode is null ? await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == me.BureauId, ct) : await BureauAsync(request.BureauCode, ct);
        var due = await deadlines.CommittedDeadlineAsync(db, bureau.Id, from, days, ct);
        var provisional = (await deadlines.CalendarAsync(db, bureau.Id, ct)).IsProvisional(from, due);
        return new DeadlineComputeResult(bureau.Code, from, days, due, due.ToOffset(WorkingCalendar.ChinaStandardOffset), provisional);
    }

    private async Task<Bureau> BureauAsync(string code, CancellationToken ct) =>
        await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct) ?? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}");

    private async Task<Dictionary<string, string>> UserNamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static async Task<long> BumpRevisionAsync(UnitOfWork unit, CancellationToken ct)
    {
        var row = await unit.Db.Set<CalendarRevision>().FirstOrDefaultAsync(r => r.Id == CalendarRevision.RowId, ct);
        if (row is null) unit.Db.Add(row = new CalendarRevision { Id = CalendarRevision.RowId });
        row.Revision++;
        row.ChangedAt = unit.Now;
        return row.Revision;
    }

    private static void Journal(UnitOfWork unit, long? bureauId, string action, string detail, string? before, string? after) => unit.Db.Add(new JournalEntry
    {
        At = unit.Now, BureauId = bureauId, UserId = unit.Actor.UserId, UserName = unit.Actor.Name, Ip = unit.Actor.Ip,
        Action = action, Detail = detail, Before = before, After = after,
    });

    private static string Json(CalendarOverrideEntry o) => JsonSerializer.Serialize(new
    {
        o.Id, o.BureauId, date = o.Date.ToString("yyyy-MM-dd"), o.IsWorkingDay, o.Reason, o.RevokedAt, o.RevokeReason,
    });
}
