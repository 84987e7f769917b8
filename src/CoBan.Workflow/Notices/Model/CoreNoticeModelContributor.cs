using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The generic part of every notice: today, the bureau, the coordinator who owns the case (首问负责:
/// they keep it to the end, seeds 000/001), today's duty leader, the instance's variables, the
/// completing task's form, and for reminders and escalations the task and how far it is overdue.
/// </summary>
public sealed class CoreNoticeModelContributor(IDutyDirectory duty, ICalendarSource calendars) : INoticeModelContributor
{
    public int Order => 0;

    public async Task ContributeAsync(NoticeModelContext context, CancellationToken ct)
    {
        var (db, notice, model) = (context.Db, context.Notice, context.Model);
        model.Set("today", ChineseDates.Date(context.At));
        model.Set("vars", context.Variables);
        model.Set("form", context.Form);

        if (notice.BureauId is { } bureauId && await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bureauId, ct) is { } bureau)
            model.SetAll("bureau", ("name", bureau.Name), ("code", bureau.Code), ("address", bureau.Address), ("windows", bureau.Windows),
                ("location", Places.Join(bureau.Address, bureau.Windows)), ("phone", bureau.Phone), ("supervisionHotline", bureau.SupervisionHotline));

        var task = notice.WorkTaskId is { } taskId ? await db.Set<WorkTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct) : null;
        var ownerId = await CaseOwnerIdAsync(context, task, ct);
        if (ownerId is not null && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct) is { } owner)
            model.SetAll("coordinator", ("name", owner.DisplayName), ("title", owner.Title), ("office", owner.Office),
                ("phone", owner.OfficePhone), ("mobile", owner.PhoneNumber));

        if (notice.BureauId is { } b && await duty.OnDutyAsync(db, b, Roles.DutyLeader, context.At, ct) is { } leaderId
            && await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == leaderId, ct) is { } leader)
            model.SetAll("dutyLeader", ("name", leader.DisplayName), ("title", leader.Title), ("phone", leader.OfficePhone ?? leader.PhoneNumber));

        if (task is not null)
        {
            model.SetAll("task", ("name", task.Name ?? task.ElementId), ("due", ChineseDates.DateTime(task.Due)));
            if (task.Due is { } due && context.At > due)
            {
                var calendar = await calendars.ForBureauAsync(db, task.BureauId, ct);
                try
                {
                    model.Set("overdue.days", Math.Max(0, calendar.WorkingDaysBetween(due, context.At)));
                }
                catch (CalendarYearUnknownException)
                {
                    // A year without holiday data: the days cannot be counted honestly, so they stay empty.
                }
            }
        }
    }

    /// <summary>The case's owner; without a case, the caseOwner variable (user name or id), then the task's assignee.</summary>
    internal static async Task<string?> CaseOwnerIdAsync(NoticeModelContext context, WorkTask? task, CancellationToken ct)
    {
        var db = context.Db;
        if (context.Notice.CaseId is { } caseId
            && await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => c.OwnerId).FirstOrDefaultAsync(ct) is { } owner)
            return owner;
        if (context.Variables.GetValueOrDefault(WorkTaskFactory.CaseOwnerVariable) is string nameOrId && nameOrId.Length > 0
            && await db.Users.Where(u => u.UserName == nameOrId || u.Id == nameOrId).Select(u => u.Id).FirstOrDefaultAsync(ct) is { } id)
            return id;
        return task?.AssigneeId;
    }
}
