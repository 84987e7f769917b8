using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Opinions;

public sealed record OpinionRequest(string? Bureau, string? Source, string? Page, DateOnly? ReceivedOn, string? Writer, string? Contact, string? Entry);
public sealed record OpinionAnswerRequest(string? Answer);

/// <summary>An entry as the API and the page show it; <c>State</c>: open, overdue, answered or answeredLate.</summary>
public sealed record OpinionView(long Id, string Number, long BureauId, string Source, string? Page, DateTimeOffset ReceivedAt, string? Writer, string? Contact,
    string Entry, string RecordedBy, DateTimeOffset RecordedAt, DateOnly AnswerDueOn, string State, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt);

/// <summary>
/// The opinion book and the suggestion box of each bureau (意见簿/意见箱): staff copy an entry in with its
/// page, it gets a number and a date to answer by (working days of the bureau's calendar), staff answer it;
/// supervisors read every bureau in their scope. Recording and answering are journaled.
/// </summary>
public sealed class OpinionService(CoBanDbContext db, CurrentUser me, BureauScope scope, ICalendarSource calendars, IOptions<OpinionOptions> options, TimeProvider clock)
{
    public static readonly string[] Staff = [Roles.Coordinator, Roles.ChiefCoordinator, Roles.DutyLeader, Roles.Administrator];
    public static readonly string[] Readers = [.. Staff, Roles.Supervisor];

    public async Task<OpinionView> RecordAsync(OpinionRequest request, CancellationToken ct)
    {
        scope.DemandRole(Staff);
        var bureau = await BureauAsync(request.Bureau, ct);
        var source = request.Source?.Trim().ToLowerInvariant() switch
        {
            null or "" or "book" => OpinionSource.Book,
            "box" => OpinionSource.Box,
            _ => throw Field("source", $"来源应为 book（意见本）或 box（意见箱），而不是“{request.Source}”", $"source must be book or box, not '{request.Source}'"),
        };
        var content = request.Entry?.Trim();
        if (string.IsNullOrEmpty(content)) throw Field("entry", "请照录意见内容", "copy the entry's text");
        var now = clock.GetUtcNow();
        var today = ChinaTime.Day(now);
        var receivedOn = request.ReceivedOn ?? today;
        if (receivedOn > today) throw Field("receivedOn", "收到日期不能晚于今天", "the date received may not be in the future");
        if (receivedOn < today.AddYears(-1)) throw Field("receivedOn", "收到日期不能早于一年前", "the date received may not be more than a year ago");
        var receivedAt = receivedOn == today ? now : ChinaTime.At(receivedOn, new TimeOnly(12, 0));
        var calendar = await calendars.ForBureauAsync(db, bureau.Id, ct);
        DateOnly dueOn;
        try
        {
            dueOn = ChinaTime.Day(calendar.AddWorkingDays(receivedAt, Math.Max(1, options.Value.AnswerWorkingDays)));
        }
        catch (Engine.CalendarYearUnknownException e)
        {
            throw new CoBanException(422, "calendar-year-unknown", $"无法计算答复期限：{e.Message}", $"the date to answer by cannot be counted: {e.Message}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var year = receivedOn.Year;
            var sequence = 1 + (await db.Set<OpinionEntry>().Where(o => o.BureauId == bureau.Id && o.Year == year).MaxAsync(o => (int?)o.Sequence, ct) ?? 0);
            var entry = new OpinionEntry
            {
                BureauId = bureau.Id, Year = year, Sequence = sequence, Number = $"意见-{bureau.Code}-{year}-{sequence:0000}", Source = source,
                Page = Trim(request.Page), ReceivedAt = receivedAt, Writer = Trim(request.Writer), Contact = Trim(request.Contact), Content = content,
                RecordedAt = now, RecordedById = me.Id!, RecordedByName = me.DisplayName, AnswerDueOn = dueOn,
            };
            db.Add(entry);
            Journal(entry, "opinion.recorded", $"{me.DisplayName} 登记{(source == OpinionSource.Book ? "意见本" : "意见箱")}意见 {entry.Number}，限 {ChineseDates.Date(dueOn)} 前答复", now);
            try
            {
                await db.SaveChangesAsync(ct);
                return View(entry, today);
            }
            catch (DbUpdateException e) when (DbErrors.Classify(e) == DbErrors.Kind.LostRace && attempt < 3)
            {
                db.ChangeTracker.Clear(); // another entry took the number at the same moment: take the next one
            }
        }
    }

    public async Task<OpinionView> AnswerAsync(long id, OpinionAnswerRequest request, CancellationToken ct)
    {
        scope.DemandRole(Staff);
        var entry = await db.Set<OpinionEntry>().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw CoBanException.NotFound("意见", "entry");
        await scope.DemandAsync(entry.BureauId, ct);
        if (entry.AnsweredAt is not null) throw CoBanException.Conflict("opinion-answered", "该意见已答复", "the entry has been answered already");
        var answer = request.Answer?.Trim();
        if (string.IsNullOrEmpty(answer)) throw Field("answer", "请填写答复内容", "write the answer");
        var now = clock.GetUtcNow();
        entry.Answer = answer;
        entry.AnsweredAt = now;
        entry.AnsweredById = me.Id;
        entry.AnsweredByName = me.DisplayName;
        entry.RowVersion++;
        var late = ChinaTime.Day(now) > entry.AnswerDueOn ? "（逾期答复）" : "";
        Journal(entry, "opinion.answered", $"{me.DisplayName} 答复意见 {entry.Number}{late}", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CoBanException.Conflict("opinion-changed", "该意见已被他人修改，请刷新后重试", "someone else changed the entry; reload and try again");
        }
        return View(entry, ChinaTime.Day(now));
    }

    /// <summary>Entries of the bureaus the caller sees (one bureau when asked), newest first.</summary>
    public async Task<Paged<OpinionView>> ListAsync(string? bureau, string? state, PageRequest page, CancellationToken ct)
    {
        scope.DemandRole(Readers);
        var visible = await scope.VisibleAsync(ct);
        var query = db.Set<OpinionEntry>().AsNoTracking().Where(o => visible.Contains(o.BureauId));
        if (!string.IsNullOrWhiteSpace(bureau))
        {
            var id = (await BureauAsync(bureau, ct)).Id;
            query = query.Where(o => o.BureauId == id);
        }
        var today = ChinaTime.Day(clock.GetUtcNow());
        query = state switch
        {
            null or "" or "all" => query,
            "open" => query.Where(o => o.AnsweredAt == null),
            "overdue" => query.Where(o => o.AnsweredAt == null && o.AnswerDueOn < today),
            "answered" => query.Where(o => o.AnsweredAt != null),
            _ => throw CoBanException.BadRequest("bad-state", $"state 应为 open、overdue、answered 或 all，而不是“{state}”", $"state must be open, overdue, answered or all, not '{state}'"),
        };
        var rows = await query.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).ToPagedAsync(page, ct);
        return rows.Select(o => View(o, today));
    }

    private async Task<Bureau> BureauAsync(string? code, CancellationToken ct)
    {
        var bureau = string.IsNullOrWhiteSpace(code)
            ? await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == me.BureauId, ct)
            : await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code.Trim(), ct);
        if (bureau is null) throw Field("bureau", $"单位“{code}”不存在", $"there is no bureau '{code}'");
        await scope.DemandAsync(bureau.Id, ct);
        return bureau;
    }

    private void Journal(OpinionEntry entry, string action, string detail, DateTimeOffset at) =>
        db.Add(new JournalEntry { At = at, BureauId = entry.BureauId, UserId = me.Id, UserName = me.DisplayName, Ip = me.Ip, Action = action, Detail = detail });

    public static OpinionView View(OpinionEntry o, DateOnly today) => new(
        o.Id, o.Number, o.BureauId, o.Source == OpinionSource.Book ? "book" : "box", o.Page, o.ReceivedAt, o.Writer, o.Contact, o.Content,
        o.RecordedByName, o.RecordedAt, o.AnswerDueOn, State(o, today), o.Answer, o.AnsweredByName, o.AnsweredAt);

    public static string State(OpinionEntry o, DateOnly today) => o.AnsweredAt is { } at
        ? (ChinaTime.Day(at) > o.AnswerDueOn ? "answeredLate" : "answered")
        : (today > o.AnswerDueOn ? "overdue" : "open");

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static CoBanException Field(string field, string zh, string en) =>
        CoBanException.Invalid("invalid-" + field, zh, en, new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });
}
