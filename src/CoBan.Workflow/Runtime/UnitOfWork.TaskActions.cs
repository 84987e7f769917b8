using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// coban:action on a user task (docs/coban-extensions.md): the case action runs when the task is
/// completed, inside the same transaction and before the engine moves on, so the gateways after the
/// task already see what the action returned. A refusal by the action refuses the completion (422,
/// nothing changed), which is how a coordinator learns that e.g. a transfer to their own bureau is
/// not possible.
/// </summary>
public sealed partial class UnitOfWork
{
    /// <summary>Who owns a case and which case it is are the case's to say (the duty leader reassigns), never a task form's.</summary>
    private static readonly string[] CaseVariables = ReservedVariables.CaseIdentity;

    private async Task<CompleteTask> ApplyTaskActionAsync(ProcessInstance instance, ProcessDefinition definition, InstanceState? state,
        CompleteTask completion, CancellationToken ct)
    {
        if (instance.CaseId is not null && completion.Variables is { } given && CaseVariables.Any(given.ContainsKey))
            completion = completion with { Variables = given.Where(kv => !CaseVariables.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value) };
        var task = await FindTaskAsync(instance.Id, completion.TaskId, ct);
        if (task is null || definition.FindNode(task.ElementId) is not { CaseAction: { } name } node) return completion;

        // Bad form input is the engine's to refuse, field by field: the action only ever sees valid values.
        var problems = new List<Rejection>();
        var form = FormValidation.Check(node.UserTask?.Form ?? [], completion.Variables, problems);
        if (form is null) return completion;

        var action = _deps.Actions.Find(name)
            ?? throw CoBanException.Conflict("unknown-action", $"任务的动作 '{name}' 未注册", $"the task's action '{name}' is not registered");
        var variables = new Dictionary<string, object?>(state?.Variables ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        foreach (var (key, value) in form) variables[key] = value;
        IReadOnlyDictionary<string, object?>? output;
        try
        {
            var call = new InvokeService(0, node.Id, name, form, 1);
            output = await action.ExecuteAsync(new ServiceActionContext(Db, instance, call, variables, Actor, Now) { Unit = this }, ct);
        }
        catch (ServiceActionError e)
        {
            throw CoBanException.Invalid(e.Code, e.Message, e.Message);
        }
        if (output is null || output.Count == 0) return completion with { Variables = form };
        foreach (var (key, value) in output) form[key] = value;
        return completion with { Variables = form };
    }
}
