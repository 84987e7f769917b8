using System.Text.Json.Nodes;
using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>Test hosts for timer tests, and what they ask of them.</summary>
public static class TimerHosts
{
    /// <summary>The service without a scheduler: the test moves the manual clock and fires due timers itself.</summary>
    public static Task<TestHost> ManualAsync(Db db = Db.Sqlite, DateTimeOffset? now = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["CoBan:Timers:Scheduler"] = "Manual" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        return TestHost.StartAsync(db, settings: all, now: now);
    }

    /// <summary>Fires every timer due at the manual clock's time, as the Quartz job would; returns how many took effect.</summary>
    public static Task<int> FireDueAsync(this TestHost host) => host.Services.GetRequiredService<TimerRunner>().FireDueAsync(host.Clock.GetUtcNow());

    /// <summary>Sets the clock to a Beijing local time and fires what is due then.</summary>
    public static async Task<int> AtAsync(this TestHost host, int year, int month, int day, int hour, int minute = 0)
    {
        host.Clock.Set(Local(year, month, day, hour, minute));
        return await host.FireDueAsync();
    }

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static Task<List<Notice>> NoticesAsync(this TestHost host, string? template = null) =>
        host.WithDbAsync(db => db.Set<Notice>().AsNoTracking().Where(n => template == null || n.Template == template).OrderBy(n => n.Id).ToListAsync());

    public static Task<List<JournalEntry>> JournalAsync(this TestHost host, string actionPrefix) =>
        host.WithDbAsync(db => db.Set<JournalEntry>().AsNoTracking().Where(j => j.Action.StartsWith(actionPrefix)).OrderBy(j => j.Id).ToListAsync());

    public static Task<List<ScheduledTimer>> TimersAsync(this TestHost host, Func<ScheduledTimer, bool>? where = null) =>
        host.WithDbAsync(async db => (await db.Set<ScheduledTimer>().AsNoTracking().OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync()).Where(where ?? (_ => true)).ToList());

    /// <summary>Publishes the model as owner.scjg and starts an instance as zhang.wei (case owner); returns the instance id.</summary>
    public static async Task<long> StartAsync(TestHost host, string xml)
    {
        var procedure = await ProcedureSteps.PublishAsync(host, xml);
        var zhang = await host.LoginAsync("zhang.wei");
        var started = await ProcedureSteps.StartAsync(zhang, procedure, "zhang.wei");
        return (long)started["instance"]!["id"]!;
    }

    public static async Task<JsonNode> InstanceAsync(this TestHost host, long id) =>
        (await (await host.LoginAsync("admin")).GetJsonAsync($"/api/v1/instances/{id}"))["instance"]!;
}
