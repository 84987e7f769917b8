using CoBan.Workflow.Calendar;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Deadlines in working days (docs/timers.md): computing a committed deadline, opening one for a holder
/// (a task, a case), pausing and resuming it (特别程序, 行政许可法 Art. 45) with every move journaled, and
/// planning its reminders and escalations. Every change goes through a <see cref="UnitOfWork"/>, so the
/// deadline, its alert timers and the journal commit together and the timers reach the scheduler after commit.
/// Times are stored in UTC and counted on the bureau's calendar in Asia/Shanghai local time.
/// </summary>
public sealed partial class DeadlineService(ICalendarSource calendars, IReminderDefaults defaults, IEnumerable<IDeadlineHolder> holders, IOptions<ReminderOptions> reminderOptions,
    BureauHours hours)
{
    public async Task<IWorkingDays> CalendarAsync(CoBanDbContext db, long bureauId, CancellationToken ct) => await calendars.ForBureauAsync(db, bureauId, ct);

    /// <summary>
    /// A committed deadline: acceptance plus the limit in working days on the bureau's calendar (starting day not counted,
    /// 民法典 Art. 201), ending at the <b>close</b> of the last working day (the bureau's service hours, else 24:00: 民法典
    /// Art. 203), in UTC. A limit the calendar cannot count is refused with 422 calendar-year-unknown.
    /// </summary>
    public async Task<DateTimeOffset> CommittedDeadlineAsync(CoBanDbContext db, long bureauId, DateTimeOffset acceptedAt, int limitWorkingDays, CancellationToken ct)
    {
        if (limitWorkingDays < 0)
            throw CoBanException.Invalid("limit-negative", "办理时限不能为负数", "the limit cannot be negative");
        var calendar = await CalendarAsync(db, bureauId, ct);
        var close = await hours.CloseAsync(db, bureauId, ct);
        return Counted(() => new DeadlineMath(calendar).CommittedDeadline(acceptedAt, limitWorkingDays, close)).ToUniversalTime();
    }

    /// <summary>When the bureau's working day ends (its posted closing time, else 24:00).</summary>
    public Task<TimeOnly> CloseAsync(CoBanDbContext db, long bureauId, CancellationToken ct) => hours.CloseAsync(db, bureauId, ct);

    /// <summary>
    /// A working-day duration on a task (coban:due="P5WD"), counted like the engine counts it: the time of day kept. Only a
    /// case's committed deadline ends at the close of business (<see cref="CommittedDeadlineAsync"/>).
    /// </summary>
    private async Task<DateTimeOffset> LimitDueAsync(CoBanDbContext db, string holderKind, long bureauId, DateTimeOffset startedAt, int limitWorkingDays, CancellationToken ct)
    {
        if (holderKind == DeadlineHolderKinds.Case) return await CommittedDeadlineAsync(db, bureauId, startedAt, limitWorkingDays, ct);
        if (limitWorkingDays < 0)
            throw CoBanException.Invalid("limit-negative", "办理时限不能为负数", "the limit cannot be negative");
        var calendar = await CalendarAsync(db, bureauId, ct);
        return Counted(() => new DeadlineMath(calendar).CommittedDeadline(startedAt, limitWorkingDays)).ToUniversalTime();
    }

    public Task<Deadline?> FindAsync(CoBanDbContext db, string holderKind, long holderId, CancellationToken ct) =>
        db.Set<Deadline>().Where(d => d.HolderKind == holderKind && d.HolderId == holderId).OrderByDescending(d => d.Status == DeadlineStatus.Open).ThenByDescending(d => d.Id).FirstOrDefaultAsync(ct);

    /// <summary>Opens the holder's deadline (closing an open one it had) and plans its alerts.</summary>
    public async Task<Deadline> OpenAsync(UnitOfWork unit, DeadlineSpec spec, CancellationToken ct)
    {
        if (spec.LimitWorkingDays is { } limit && spec.MaxLimitWorkingDays is { } max && limit > max)
            throw CoBanException.Invalid("limit-exceeds-matter", $"承诺时限 {limit} 个工作日超过事项的法定时限 {max} 个工作日",
                $"the committed limit of {limit} working days exceeds the matter's limit of {max}");
        var due = spec.LimitWorkingDays is { } days
            ? await LimitDueAsync(unit.Db, spec.HolderKind, spec.BureauId, spec.StartedAt, days, ct)
            : spec.DueAt?.ToUniversalTime() ?? throw CoBanException.Invalid("due-required", "请给出办理时限或期限", "give a limit in working days or a due date");
        if (await FindOpenAsync(unit.Db, spec.HolderKind, spec.HolderId, ct) is { } previous)
            await CloseAsync(unit, previous, ct);

        var policy = await defaults.ForAsync(unit.Db, spec, ct);
        var deadline = new Deadline
        {
            HolderKind = spec.HolderKind, HolderId = spec.HolderId, BureauId = spec.BureauId, InstanceId = spec.InstanceId, CaseId = spec.CaseId,
            WorkTaskId = spec.WorkTaskId, ElementId = spec.ElementId, Title = spec.Title, StartedAt = spec.StartedAt.ToUniversalTime(),
            LimitWorkingDays = spec.LimitWorkingDays, DueAt = due, OriginalDueAt = due,
            RemindBeforeWorkingDays = spec.RemindBeforeWorkingDays ?? policy.RemindBeforeWorkingDays,
            EscalateAfterWorkingDays = spec.EscalateAfterWorkingDays ?? policy.EscalateAfterWorkingDays,
            Status = DeadlineStatus.Open, CreatedAt = unit.Now,
        };
        unit.Db.Add(deadline);
        await unit.Db.SaveChangesAsync(ct); // the alerts name the deadline by id
        if (spec.HolderKind != DeadlineHolderKinds.Task)
            Journal(unit, deadline, "deadline.set", $"确定办理期限：{Local(due)}" + (spec.LimitWorkingDays is { } n ? $"（{n} 个工作日）" : ""), null, Snapshot(deadline));
        await ReplanAsync(unit, deadline, ct);
        return deadline;
    }

    /// <summary>特别程序开始: stops the clock; no reminder or escalation goes out until it resumes.</summary>
    public async Task<Deadline> PauseAsync(UnitOfWork unit, string holderKind, long holderId, string reason, CancellationToken ct)
    {
        var deadline = await RequireOpenAsync(unit.Db, holderKind, holderId, ct);
        reason = Reason(reason);
        if (deadline.IsPaused)
            throw CoBanException.Conflict("already-paused", $"期限已于 {Local(deadline.PausedAt!.Value)} 暂停计时", "the deadline is already paused");
        var before = Snapshot(deadline);
        deadline.PausedAt = unit.Now;
        deadline.PauseReason = reason;
        deadline.Version++;
        unit.Db.Add(new DeadlinePause { DeadlineId = deadline.Id, StartedAt = unit.Now, Reason = reason });
        await CancelAlertsAsync(unit, deadline.Id, ct);
        Journal(unit, deadline, "deadline.paused", $"暂停计时（{reason}）；原定期限 {Local(deadline.DueAt)}", before, Snapshot(deadline));
        return deadline;
    }

    /// <summary>特别程序结束: the deadline moves later by the working days the pause took (DeadlineMath.PausedWorkingDays).</summary>
    public async Task<Deadline> ResumeAsync(UnitOfWork unit, string holderKind, long holderId, string reason, CancellationToken ct)
    {
        var deadline = await RequireOpenAsync(unit.Db, holderKind, holderId, ct);
        reason = Reason(reason);
        if (deadline.PausedAt is not { } pausedAt)
            throw CoBanException.Conflict("not-paused", "期限没有暂停", "the deadline is not paused");
        var calendar = await CalendarAsync(unit.Db, deadline.BureauId, ct);
        var math = new DeadlineMath(calendar);
        var days = Counted(() => math.PausedWorkingDays(pausedAt, unit.Now));
        var before = Snapshot(deadline);
        var previousDue = deadline.DueAt;
        deadline.DueAt = Counted(() => calendar.AddWorkingDays(deadline.DueAt, days)).ToUniversalTime();
        deadline.PausedWorkingDays += days;
        deadline.PausedAt = null;
        deadline.PauseReason = null;
        deadline.Version++;
        var pause = await unit.Db.Set<DeadlinePause>().Where(p => p.DeadlineId == deadline.Id && p.EndedAt == null).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (pause is not null)
        {
            pause.EndedAt = unit.Now;
            pause.EndReason = reason;
            pause.WorkingDaysGivenBack = days;
        }
        await DueMovedAsync(unit.Db, deadline, ct);
        Journal(unit, deadline, "deadline.resumed",
            $"恢复计时（{reason}）：暂停期间 {days} 个工作日不计入期限，期限由 {Local(previousDue)} 顺延至 {Local(deadline.DueAt)}", before, Snapshot(deadline));
        await ReplanAsync(unit, deadline, ct);
        return deadline;
    }

    /// <summary>An explicit new due date (a duty leader's decision): it becomes a fixed date, never recomputed.</summary>
    public async Task<Deadline> MoveAsync(UnitOfWork unit, string holderKind, long holderId, DateTimeOffset due, string reason, CancellationToken ct)
    {
        var deadline = await RequireOpenAsync(unit.Db, holderKind, holderId, ct);
        reason = Reason(reason);
        var before = Snapshot(deadline);
        var previousDue = deadline.DueAt;
        deadline.DueAt = due.ToUniversalTime();
        deadline.LimitWorkingDays = null;
        deadline.Version++;
        await DueMovedAsync(unit.Db, deadline, ct);
        Journal(unit, deadline, "deadline.moved", $"期限由 {Local(previousDue)} 改为 {Local(deadline.DueAt)}（{reason}）", before, Snapshot(deadline));
        await ReplanAsync(unit, deadline, ct);
        return deadline;
    }

    /// <summary>
    /// The holder's own due time was set, changed or cleared by hand (a task's due date): its deadline follows now, so
    /// the alerts are re-planned before any of them is due (a date moved earlier would otherwise lose its reminder).
    /// One is opened when the holder had none, and closed when the due time is gone.
    /// </summary>
    public async Task FollowDueAsync(UnitOfWork unit, DeadlineSpec spec, string reason, CancellationToken ct)
    {
        if (spec.DueAt is not { } due)
            await CloseAsync(unit, spec.HolderKind, spec.HolderId, ct);
        else if (await FindOpenAsync(unit.Db, spec.HolderKind, spec.HolderId, ct) is { } open)
        {
            if (open.DueAt != due.ToUniversalTime()) await MoveAsync(unit, spec.HolderKind, spec.HolderId, due, reason, ct);
        }
        else
            await OpenAsync(unit, spec, ct);
    }

    /// <summary>The holder finished: its alerts are cancelled. Nothing happens when it has no open deadline.</summary>
    public async Task CloseAsync(UnitOfWork unit, string holderKind, long holderId, CancellationToken ct)
    {
        if (await FindOpenAsync(unit.Db, holderKind, holderId, ct) is { } deadline) await CloseAsync(unit, deadline, ct);
    }

    internal async Task CloseAsync(UnitOfWork unit, Deadline deadline, CancellationToken ct)
    {
        deadline.Status = DeadlineStatus.Closed;
        deadline.ClosedAt = unit.Now;
        deadline.Version++;
        await CancelAlertsAsync(unit, deadline.Id, ct);
    }

    internal IDeadlineHolder? Holder(string kind) => holders.FirstOrDefault(h => h.Kind == kind);

    internal async Task DueMovedAsync(CoBanDbContext db, Deadline deadline, CancellationToken ct)
    {
        if (Holder(deadline.HolderKind) is { } holder) await holder.DueMovedAsync(db, deadline, ct);
    }

    /// <summary>What the holder says now; a kind without an <see cref="IDeadlineHolder"/> is open until closed.</summary>
    internal async Task<HolderCheck> CheckAsync(CoBanDbContext db, Deadline deadline, CancellationToken ct) =>
        Holder(deadline.HolderKind) is { } holder ? await holder.CheckAsync(db, deadline, ct) : new HolderCheck(false, null, null, false);

    /// <summary>The deadline's alert policy, with the working hours of its bureau (posted hours, else the configured office hours).</summary>
    internal async Task<ReminderPolicy> PolicyAsync(CoBanDbContext db, Deadline d, CancellationToken ct) =>
        new(d.RemindBeforeWorkingDays, d.EscalateAfterWorkingDays, reminderOptions.Value.Hour, reminderOptions.Value.RepeatDaily,
            await hours.ForBureauAsync(db, d.BureauId, ct) ?? reminderOptions.Value.OfficeHours);

    // Deadlines are saved when opened, so the query sees this unit's too; one closed earlier in the unit comes back
    // as the tracked (closed) instance and is dropped. (DbSet.Local would scan every tracked entity for changes.)
    private static async Task<Deadline?> FindOpenAsync(CoBanDbContext db, string holderKind, long holderId, CancellationToken ct) =>
        await db.Set<Deadline>().Where(d => d.HolderKind == holderKind && d.HolderId == holderId && d.Status == DeadlineStatus.Open)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct) is { Status: DeadlineStatus.Open } open ? open : null;

    private static async Task<Deadline> RequireOpenAsync(CoBanDbContext db, string holderKind, long holderId, CancellationToken ct) =>
        await FindOpenAsync(db, holderKind, holderId, ct) ?? throw CoBanException.NotFound("进行中的期限", "open deadline");

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason)
        ? throw CoBanException.Invalid("reason-required", "请填写原因（将记入日志）", "a reason is required (it goes into the journal)", new Dictionary<string, string[]> { ["reason"] = ["必填 / required"] })
        : reason.Trim();

    /// <summary>The one error code of a date the calendar cannot count (both deadline models, the calendar API, case actions).</summary>
    public const string CalendarYearUnknown = "calendar-year-unknown";

    /// <summary>Runs working-day arithmetic, turning an unknown year into a 422 the caller can show.</summary>
    internal static T Counted<T>(Func<T> count)
    {
        try
        {
            return count();
        }
        catch (CalendarYearUnknownException e)
        {
            throw CoBanException.Invalid(CalendarYearUnknown, $"{e.Year} 年的节假日安排尚未载入，无法按工作日计算期限，请管理员先载入该年日历",
                $"no holiday calendar is loaded for {e.Year}, so working days cannot be counted; an administrator must load that year first");
        }
    }

    internal static string Local(DateTimeOffset at) => at.ToOffset(WorkingCalendar.ChinaStandardOffset).ToString("yyyy-MM-dd HH:mm");

    internal static string Snapshot(Deadline d) => System.Text.Json.JsonSerializer.Serialize(new
    {
        dueAt = d.DueAt, paused = d.IsPaused, pausedAt = d.PausedAt, pausedWorkingDays = d.PausedWorkingDays, limitWorkingDays = d.LimitWorkingDays,
    });

    internal static void Journal(UnitOfWork unit, Deadline d, string action, string detail, string? before = null, string? after = null) =>
        unit.Db.Add(new JournalEntry
        {
            At = unit.Now, InstanceId = d.InstanceId, CaseId = d.CaseId, BureauId = d.BureauId, UserId = unit.Actor.UserId, UserName = unit.Actor.Name,
            Ip = unit.Actor.Ip, Action = action, ElementId = d.ElementId, Detail = (d.Title is null ? "" : $"【{d.Title}】") + detail, Before = before, After = after,
        });
}
