using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Finds where a message goes: the oldest instance waiting for it (with the same correlation key,
/// when the wait has one), else a published procedure of the bureau that starts on it. Messages from
/// a caller of the API are confined to the bureaus that caller may act in: correlation keys are
/// guessable (case ids are sequential), so without the bound anyone could drive any bureau's instances.
/// Messages the service sends itself (end events, a case ending) cross bureaus as the model says.
/// </summary>
public sealed class MessageCorrelation(ProcedureCatalog catalog)
{
    /// <summary>True when the message was delivered or started an instance.</summary>
    public async Task<bool> DeliverAsync(UnitOfWork unit, ProcessInstance? sender, string name, string? key,
        IReadOnlyDictionary<string, object?>? variables, CancellationToken ct, long? bureauId = null, IReadOnlyCollection<long>? withinBureaus = null)
    {
        var db = unit.Db;
        var senderId = sender?.Id ?? 0;
        var waiting = db.Set<Subscription>().AsNoTracking()
            .Where(s => s.Kind == SubscriptionKind.Message && s.Name == name && s.InstanceId != senderId
                        && (s.CorrelationKey == null || s.CorrelationKey == key));
        if (withinBureaus is not null)
            waiting = waiting.Where(s => db.Set<ProcessInstance>().Any(i => i.Id == s.InstanceId && withinBureaus.Contains(i.BureauId)));
        var target = await waiting.OrderBy(s => s.Id).Select(s => (long?)s.InstanceId).FirstOrDefaultAsync(ct);
        if (target is { } id)
        {
            unit.Enqueue(await unit.LoadAsync(id, ct), new DeliverMessage(name, key, variables), strict: sender is null);
            return true;
        }
        var bureau = bureauId ?? sender?.BureauId;
        if (bureau is not null && await StartByMessageAsync(unit, bureau.Value, name, key, variables, ct)) return true;
        if (sender is not null)
            unit.AddJournal(sender, "message.unmatched", $"发出的消息“{name}”没有接收者");
        return false;
    }

    private async Task<bool> StartByMessageAsync(UnitOfWork unit, long bureauId, string name, string? key, IReadOnlyDictionary<string, object?>? variables, CancellationToken ct)
    {
        var db = unit.Db;
        var latest = await LatestVersions.PublishedAsync(db, bureauId, ct);
        foreach (var version in latest)
        {
            var document = await catalog.DocumentAsync(db, version.Id, ct);
            foreach (var process in document.Executable)
            {
                var start = process.MessageStarts.FirstOrDefault(s => s.Event?.Name == name);
                if (start is null) continue;
                await unit.StartAsync(version, bureauId, process.Id, new Start(variables, start.Id), key, null, null, ct);
                return true;
            }
        }
        return false;
    }
}
