using System.Diagnostics;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Hosting;
using CoBan.Workflow.Procedures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoBan.Workflow.Benchmarks.Timers;

/// <summary>
/// The real service (AddCoBan, migrations, Quartz on the SQLite store) in this process, on a database file of
/// the benchmark's, listening on a free 127.0.0.1 port. Built as Program.cs builds it.
/// </summary>
public sealed class BenchService : IAsyncDisposable
{
    private BenchService(WebApplication app, TimeSpan startup)
    {
        App = app;
        Startup = startup;
    }

    public WebApplication App { get; }

    /// <summary>From building the host to the service accepting requests (migrations and seeding included).</summary>
    public TimeSpan Startup { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<BenchService> StartAsync(string folder, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var watch = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production", ApplicationName = "CoBan.Workflow" });
        var all = new Dictionary<string, string?>
        {
            ["CoBan:Demo"] = "true",
            ["CoBan:DataFolder"] = folder,
            ["CoBan:Database:Provider"] = "Sqlite",
            ["CoBan:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "coban.db")}",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        builder.Configuration.AddInMemoryCollection(all);
        builder.AddCoBan();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
        // Seeding the demo users is set-up, not what is measured.
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        var app = builder.Build();
        await app.InitializeCoBanAsync();
        app.UseCoBan();
        await app.StartAsync();
        return new BenchService(app, watch.Elapsed);
    }

    /// <summary>Publishes a model directly (version 1, published) for the demo bureau BZ-SCJG; returns the version.</summary>
    public async Task<(ProcedureVersion Version, long BureauId)> PublishAsync(string key, string xml)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var bureau = await db.Set<Bureau>().FirstAsync(b => b.Code == "BZ-SCJG");
        var now = DateTimeOffset.UtcNow;
        var procedure = new Procedure { BureauId = bureau.Id, Key = key, Name = key, CreatedAt = now };
        db.Add(procedure);
        await db.SaveChangesAsync();
        var version = new ProcedureVersion
        {
            ProcedureId = procedure.Id, Number = 1, Status = VersionStatus.Published, Xml = xml, XmlHash = key, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
        };
        db.Add(version);
        await db.SaveChangesAsync();
        return (version, bureau.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
