using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Hosting;
using CoBan.Workflow.Procedures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoBan.Workflow.Benchmarks.Runtime;

/// <summary>
/// The service's real composition (AddCoBan, migrations, the default SQLite durability), built
/// in-process without serving HTTP and without background workers, on a fresh database file.
/// </summary>
public sealed class HostUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostUnderTest(WebApplication app, string folder)
    {
        _app = app;
        Folder = folder;
    }

    public string Folder { get; }
    public string DatabaseFile => Path.Combine(Folder, "coban.db");
    public IServiceProvider Services => _app.Services;

    /// <param name="seedDatabase">A database file to start on (copied), instead of an empty one.</param>
    public static async Task<HostUnderTest> StartAsync(string label, Action<WebApplicationBuilder>? configure = null, string? seedDatabase = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coban-bench", label + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (seedDatabase is not null) File.Copy(seedDatabase, Path.Combine(folder, "coban.db"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Benchmark" });
        builder.Configuration["CoBan:Demo"] = "false";
        builder.Configuration["CoBan:BackgroundWorkers"] = "false";
        builder.Configuration["CoBan:DataFolder"] = folder;
        builder.Configuration["CoBan:Database:Provider"] = "Sqlite";
        builder.Configuration["CoBan:Database:SqliteSynchronous"] = Environment.GetEnvironmentVariable("BENCH_SYNC") ?? "FULL";
        builder.Configuration["CoBan:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "coban.db")}";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddCoBan();
        configure?.Invoke(builder);
        var app = builder.Build();
        await app.InitializeCoBanAsync();
        return new HostUnderTest(app, folder);
    }

    /// <summary>A bureau with the model published as version 1; returns the version.</summary>
    public async Task<ProcedureVersion> PublishAsync(string xml, string key)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var bureau = new Bureau { Code = "BENCH", Name = "基准测试单位", Level = BureauLevel.CityCentre };
        db.Add(bureau);
        await db.SaveChangesAsync();
        var procedure = new Procedure { BureauId = bureau.Id, Key = key, Name = key, CreatedAt = DateTimeOffset.UtcNow };
        db.Add(procedure);
        await db.SaveChangesAsync();
        var version = new ProcedureVersion
        {
            ProcedureId = procedure.Id, Number = 1, Status = VersionStatus.Published, Xml = xml, XmlHash = ProcedureService.Hash(xml),
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
        };
        db.Add(version);
        await db.SaveChangesAsync();
        return version;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
