using CoBan.Workflow.Data;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Runs the outbox in the background: woken right after a unit of work that wrote notices commits
/// (IAfterCommit), and polling (CoBan:Notices:Dispatcher:PollSeconds) for retries, other nodes' notices
/// and the recovery of interrupted sends. Every node may run it: rows are leased, never shared.
/// It takes the catalog so that broken shipped templates stop the service at start-up.
/// </summary>
public sealed class NoticeDispatcher(IServiceScopeFactory scopes, NoticeCatalog catalog, ILogger<NoticeDispatcher> log) : BackgroundService, IAfterCommit
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This node's name on the leases it takes (machine, process, and a per-start suffix).</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    public ValueTask AfterCommitAsync(CommittedUnit unit, CancellationToken ct)
    {
        if (unit.NoticesAdded) Wake();
        return ValueTask.CompletedTask;
    }

    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>One full pass (recover, plan, send); returns how many rows it handled. Tests call it to step the outbox.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeWorker>().RunOnceAsync(Node, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        log.LogInformation("Notice dispatcher {Node} started with {Count} notice templates from {Folder}", Node, catalog.Notices.Count, catalog.Folder);
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var poll = TimeSpan.FromSeconds(5);
            try
            {
                using var scope = scopes.CreateScope();
                var options = await scope.ServiceProvider.GetRequiredService<NoticeSettingsStore>()
                    .CurrentAsync(scope.ServiceProvider.GetRequiredService<CoBanDbContext>(), stop);
                poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Dispatcher.PollSeconds));
                if (options.Dispatcher.Enabled)
                    while (await RunOnceAsync(stop) > 0 && !stop.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Notice dispatch failed; will try again");
            }
            try { await _wake.WaitAsync(poll, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
