using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tasks;

/// <summary>
/// Turns the engine's CreateUserTask into a task row with a real assignee: the case owner (the
/// coordinator who registered the case keeps it to the end, seed 000/001), today's duty leader, or a
/// named user; and candidates by role within a bureau.
/// </summary>
public sealed class WorkTaskFactory(IDutyDirectory duty)
{
    /// <summary>Process variable holding the user name of the coordinator who owns the case.</summary>
    public const string CaseOwnerVariable = "caseOwner";

    public async Task<WorkTask> CreateAsync(UnitOfWork unit, ProcessInstance instance, CreateUserTask command, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        var db = unit.Db;
        var candidateBureau = instance.BureauId;
        if (command.CandidateBureau is { Length: > 0 } code)
            candidateBureau = await db.Set<Bureau>().Where(b => b.Code == code).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct) ?? candidateBureau;

        string? assignee = command.AssignTo switch
        {
            AssignTo.CaseOwner => await UserIdAsync(unit, variables.GetValueOrDefault(CaseOwnerVariable) as string, ct),
            AssignTo.DutyLeader => await duty.OnDutyAsync(db, instance.BureauId, Roles.DutyLeader, unit.Now, ct),
            AssignTo.ChiefCoordinator => await duty.OnDutyAsync(db, instance.BureauId, Roles.ChiefCoordinator, unit.Now, ct),
            AssignTo.Supervisor => await duty.OnDutyAsync(db, instance.BureauId, Roles.Supervisor, unit.Now, ct),
            AssignTo.Expression => await UserIdAsync(unit, command.Assignee, ct),
            _ => null,
        };
        var task = new WorkTask
        {
            InstanceId = instance.Id,
            TaskId = command.TaskId,
            ElementId = command.ElementId,
            Name = command.Name,
            BureauId = instance.BureauId,
            CaseId = instance.CaseId,
            AssigneeId = assignee,
            CandidateRoles = command.CandidateRoles.Count > 0 ? string.Join(',', command.CandidateRoles) : null,
            CandidateUsers = command.CandidateUsers.Count > 0 ? string.Join(',', command.CandidateUsers) : null,
            CandidateBureauId = candidateBureau,
            Due = command.Due?.ToUniversalTime(),
            FollowUp = command.FollowUp?.ToUniversalTime(),
            RemindBefore = command.RemindBefore,
            EscalateAfter = command.EscalateAfter,
            CaseAction = command.CaseAction,
            Manual = command.Manual,
            Priority = command.Priority,
            Status = WorkTaskStatus.Open,
            CreatedAt = unit.Now,
        };
        db.Add(task);
        unit.Note($"生成任务“{command.Name ?? command.ElementId}”（{(assignee is null ? "待认领" : "已分派")}）");
        if (command.AssignTo != AssignTo.None && assignee is null)
            unit.AddJournal(instance, "task.unassigned", $"任务“{command.Name ?? command.ElementId}”找不到应分派的人员（{command.AssignTo}），请带班领导指派", command.ElementId);
        return task;
    }

    private static async Task<string?> UserIdAsync(UnitOfWork unit, string? nameOrId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(nameOrId)) return null;
        return await unit.Db.Users.Where(u => u.UserName == nameOrId || u.Id == nameOrId).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }
}
