using CoBan.Workflow.Metrics;
using System.Diagnostics.Metrics;
using CoBan.Workflow.Calendar;
using CoBan.Workflow.Data;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Hosting;

/// <summary>
/// Gauges read from the database when Prometheus scrapes: what is waiting (timers, the outbox), what needs a person
/// (dead and uncertain deliveries, open incidents) and the calendar's provisional years. One set of queries per scrape
/// (kept for a few seconds), so a dashboard that scrapes often costs little. Every node reports the same database
/// figures: aggregate them with max(), not sum().
/// </summary>
public sealed class OperationsGauges : IDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(5);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly TimerOptions _timers;
    private readonly ILogger<OperationsGauges> _log;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private Sample? _sample;

    /// <summary>The figures of one scrape.</summary>
    public sealed record Sample(DateTimeOffset At, long TimersPending, long TimersDue, long TimersLate, long NoticesPending, long DeliveriesBacklog,
        long DeliveriesDead, long DeliveriesUncertain, long IncidentsOpen, long ProvisionalYears);

    public OperationsGauges(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TimerOptions> timers, IMeterFactory meters, ILogger<OperationsGauges> log)
    {
        _scopes = scopes;
        _clock = clock;
        _timers = timers.Value;
        _log = log;
        _meter = meters.Create(CoBanMetrics.MeterName);
        Gauge("coban.timers.pending", "{timer}", "Pending timers", s => s.TimersPending);
        Gauge("coban.timers.due", "{timer}", "Pending timers whose due time has passed", s => s.TimersDue);
        Gauge("coban.timers.late", "{timer}", "Pending timers more than the misfire threshold past due", s => s.TimersLate);
        Gauge("coban.outbox.backlog", "{item}", "Notices not yet planned plus deliveries pending or being sent", s => s.NoticesPending + s.DeliveriesBacklog);
        Gauge("coban.outbox.dead", "{delivery}", "Dead deliveries (every retry spent) waiting for a person", s => s.DeliveriesDead);
        Gauge("coban.outbox.uncertain", "{delivery}", "Deliveries interrupted in their send window, waiting for a person", s => s.DeliveriesUncertain);
        Gauge("coban.incidents.open", "{incident}", "Open incidents", s => s.IncidentsOpen);
        Gauge("coban.calendar.provisional_years", "{year}", "This year and next counted provisionally (their holiday notice not loaded)", s => s.ProvisionalYears);
    }

    private void Gauge(string name, string unit, string description, Func<Sample, long> read) =>
        _meter.CreateObservableGauge(name, () => Current() is { } s ? [new Measurement<long>(read(s))] : Array.Empty<Measurement<long>>(), unit, description);

    /// <summary>The latest figures (read again when older than a few seconds); null when the database cannot be read.</summary>
    public Sample? Current()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_sample is { } kept && now - kept.At < Keep && now >= kept.At) return kept;
            try
            {
                _sample = Task.Run(() => ReadAsync(now)).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "Metrics: the database could not be read for the gauges");
                _sample = null;
            }
            return _sample;
        }
    }

    private async Task<Sample> ReadAsync(DateTimeOffset now)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var late = now - _timers.MisfireThreshold;
        var timers = db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Pending);
        var deliveries = db.Set<NoticeDelivery>().AsNoTracking();
        var provisional = 0;
        if (scope.ServiceProvider.GetService<CalendarCache>() is { } cache)
        {
            var national = (await cache.SnapshotAsync(db, CancellationToken.None)).National;
            var year = national.LocalDate(now).Year;
            provisional = new[] { year, year + 1 }.Count(national.IsProvisional);
        }
        return new Sample(now,
            await timers.LongCountAsync(),
            await timers.LongCountAsync(t => t.DueAt <= now),
            await timers.LongCountAsync(t => t.DueAt < late),
            await db.Set<Notice>().AsNoTracking().LongCountAsync(n => n.Status == NoticeStatus.Pending),
            await deliveries.LongCountAsync(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending),
            await deliveries.LongCountAsync(d => d.Status == DeliveryStatus.Dead),
            await deliveries.LongCountAsync(d => d.Status == DeliveryStatus.Uncertain),
            await db.Set<Incident>().AsNoTracking().LongCountAsync(i => i.ResolvedAt == null),
            provisional);
    }

    public void Dispose() => _meter.Dispose();
}
