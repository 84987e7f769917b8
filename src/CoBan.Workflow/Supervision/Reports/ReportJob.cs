using Quartz;

namespace CoBan.Workflow.Supervision;

/// <summary>
/// The Quartz job every report trigger fires (one cron trigger per report kind, <see cref="ReportScheduler"/>):
/// it asks the runner to generate what is due for its kind. It never throws; the runner records failures.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportJob(ReportRunner runner, TimeProvider clock, ILogger<ReportJob> log) : IJob
{
    public static readonly JobKey Key = new("supervision-reports", "coban");
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Quartz may ring a little early; the occurrence it rings for counts as due.
        var now = clock.GetUtcNow();
        if (context.ScheduledFireTimeUtc is { } scheduled && scheduled > now) now = scheduled;
        ReportKind? kind = context.MergedJobDataMap.TryGetString(KindKey, out var code) && Enum.TryParse<ReportKind>(code, out var k) ? k : null;
        try
        {
            await runner.RunDueAsync(now, cancellationToken, kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Generating the due supervision reports failed");
        }
    }
}
