using System.Globalization;
using CoBan.Workflow.Data;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases.Actions;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// A case action a workflow names with coban:action, on a service task (parameters from coban:param)
/// or on a user task (parameters are the form's values). Inline: it changes the case inside the
/// step's transaction, so the case and the workflow never disagree.
/// </summary>
public abstract class CaseAction : IServiceAction
{
    public abstract string Name { get; }
    public bool Inline => true;

    public async Task<Vars?> ExecuteAsync(ServiceActionContext context, CancellationToken ct)
    {
        var caseId = context.Instance.CaseId
            ?? throw CoBanException.Conflict("no-case", $"动作 {Name} 需要一个案件，而流程实例 #{context.Instance.Id} 没有关联案件",
                $"action {Name} needs a case; instance #{context.Instance.Id} has none");
        var c = await context.Db.Set<Case>().FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw CoBanException.NotFound("案件", "case");
        return await RunAsync(new CaseStep(context, c), ct);
    }

    protected abstract Task<Vars?> RunAsync(CaseStep step, CancellationToken ct);

    protected static Dictionary<string, object?> Out(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    protected static CoBanException Invalid(string field, string zh, string en) =>
        CoBanException.Invalid("invalid-" + field, zh, en, new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });
}

/// <summary>The case and the step an action runs in, with typed access to its parameters.</summary>
public sealed class CaseStep(ServiceActionContext context, Case c)
{
    public Case Case { get; } = c;
    public ServiceActionContext Context { get; } = context;
    public CoBanDbContext Db => Context.Db;
    public DateTimeOffset Now => Context.Now;
    public Actor Actor => Context.Actor;
    public long InstanceId => Context.Instance.Id;
    public UnitOfWork Unit => Context.Unit
        ?? throw new InvalidOperationException("case actions run inline, inside a unit of work");

    public object? Param(string name) =>
        Context.Call.Parameters.TryGetValue(name, out var value) ? value : Context.Variables.GetValueOrDefault(name);

    public string? Text(string name) => Param(name) switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public bool Bool(string name) => Param(name) switch { bool b => b, "true" => true, _ => false };

    public long? Long(string name) => Param(name) switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public DateTimeOffset? Date(string name) => Param(name) switch
    {
        DateTimeOffset d => d,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    public List<string> List(string name) => Param(name) switch
    {
        IReadOnlyList<object?> list => list.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).ToList(),
        string s => s.Split(['\n', '；', ';', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        _ => [],
    };

    public Task<Matter> MatterAsync(CancellationToken ct) =>
        Db.Set<Matter>().AsNoTracking().FirstAsync(m => m.Id == Case.MatterId, ct);

    public Task MoveAsync(CaseLifecycle lifecycle, CaseStatus to, string detail, CancellationToken ct) =>
        lifecycle.MoveAsync(Context.Unit, Db, Case, to, Actor, Now, detail, InstanceId, ct);

    public void Journal(string action, string detail, string? before = null, string? after = null) =>
        CaseLifecycle.Write(Db, Case, Actor, Now, action, detail, InstanceId, before, after);

    /// <summary>The case is worked on by an action only while it is open (a withdrawn or revoked case stops its workflow too).</summary>
    public void DemandOpen(string action)
    {
        if (Case.Status.IsFinal())
            throw CoBanException.Conflict("case-ended", $"案件 {Case.Number} 已是“{Case.Status.Zh()}”，不能再{action}",
                $"case {Case.Number} has ended ({Case.Status.Code()}); it cannot {action}");
    }
}
