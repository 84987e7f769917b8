using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Runtime;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>What a service action gets: the instance, its variables, the evaluated parameters, and the open transaction.</summary>
public sealed record ServiceActionContext(
    CoBanDbContext Db,
    ProcessInstance Instance,
    InvokeService Call,
    Vars Variables,
    Actor Actor,
    DateTimeOffset Now)
{
    /// <summary>The unit of work the step runs in (inline actions only; null for background actions): lets an action start or message other instances in the same transaction.</summary>
    public UnitOfWork? Unit { get; init; }
}

/// <summary>
/// A host action a service task names with coban:action (e.g. "case.setStatus"). Inline actions
/// run inside the step's transaction (database work on the case); the others run afterwards in the
/// background with retries (calls to other systems), so a slow system never holds a transaction.
/// </summary>
public interface IServiceAction
{
    string Name { get; }
    bool Inline { get; }
    /// <summary>Returns variables to set; throw <see cref="ServiceActionError"/> for a BPMN error a boundary can catch.</summary>
    Task<Vars?> ExecuteAsync(ServiceActionContext context, CancellationToken ct);
}

/// <summary>A business failure with a BPMN error code (caught by error boundary events).</summary>
public sealed class ServiceActionError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class ServiceActionRegistry(IEnumerable<IServiceAction> actions)
{
    private readonly Dictionary<string, IServiceAction> _byName = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public IServiceAction? Find(string name) => _byName.GetValueOrDefault(name);
    public IEnumerable<string> Names => _byName.Keys.Order();
}
