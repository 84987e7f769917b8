using System.Net.Http.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoBan.Workflow.Tests.Support;

public enum Db { Sqlite, Postgres }

/// <summary>
/// The real service in-process on a real database: a fresh SQLite file per test (or a fresh
/// PostgreSQL database), the demo city seeded, a manual clock, and an HTTP client that keeps cookies.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coban-tests", Guid.NewGuid().ToString("N"));
    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<string, string?> _settings;
    private string? _postgres;
    private bool _ownsDatabase = true;
    /// <summary>Set when this host starts from (or keeps) a seeded copy of the database (<see cref="SeededDatabases"/>).</summary>
    private string? _seededKey;
    private bool _keepsSeeded;

    public ManualClock Clock { get; }
    public Db Database { get; }
    public string DataFolder => _folder;

    private TestHost(Db db, ManualClock clock, Action<IServiceCollection>? services, Dictionary<string, string?> settings)
    {
        Database = db;
        Clock = clock;
        _services = services;
        _settings = settings;
        Directory.CreateDirectory(_folder);
    }

    /// <param name="kestrel">Serve on a real 127.0.0.1 port (Kestrel's limits apply, browsers can connect) instead of the in-memory test server.</param>
    /// <param name="sharedPostgres">A PostgreSQL database another host (another node) already uses: this host joins it, and leaves dropping it to the caller.</param>
    public static async Task<TestHost> StartAsync(Db db = Db.Sqlite, Action<IServiceCollection>? services = null,
        Dictionary<string, string?>? settings = null, DateTimeOffset? now = null, bool kestrel = false, string? sharedPostgres = null)
    {
        var host = new TestHost(db, new ManualClock(now ?? ManualClock.Default), services, settings ?? []);
        if (sharedPostgres is not null && db != Db.Postgres) throw new ArgumentException("a shared database is a PostgreSQL one", nameof(sharedPostgres));
        host._ownsDatabase = sharedPostgres is null;
        host._postgres = sharedPostgres ?? (db == Db.Postgres ? await TestPostgres.CreateDatabaseAsync("coban") : null);
        host.UseSeededDatabase(now ?? ManualClock.Default);
        if (kestrel)
        {
            host._settings["urls"] = "http://127.0.0.1:0";
            host.UseKestrel(0);
            host.StartServer();
            var addresses = host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            host.ClientOptions.BaseAddress = new Uri(addresses.First());
        }
        else
        {
            _ = host.Server; // builds, migrates and seeds now, so the test starts from a ready service
        }
        return host;
    }

    private string SqliteFile => Path.Combine(_folder, "coban.db");

    /// <summary>An in-memory SQLite host with the stock services starts from a seeded copy, or keeps one for the next.</summary>
    private void UseSeededDatabase(DateTimeOffset now)
    {
        if (Database != Db.Sqlite || _services is not null || _settings.Keys.Any(k => k.StartsWith("CoBan:Database:", StringComparison.OrdinalIgnoreCase)
            || k.Equals("CoBan:DataFolder", StringComparison.OrdinalIgnoreCase)))
            return;
        _seededKey = SeededDatabases.Key(now, _settings);
        _keepsSeeded = !SeededDatabases.TryCopy(_seededKey, SqliteFile);
    }

    /// <summary>The base address of a Kestrel-served host (e.g. for a browser).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["CoBan:Demo"] = "true",
            ["CoBan:DataFolder"] = _folder,
            ["CoBan:Database:Provider"] = Database == Db.Postgres ? "Postgres" : "Sqlite",
            ["CoBan:Database:ConnectionString"] = _postgres ?? $"Data Source={SqliteFile}",
        };
        foreach (var (k, v) in _settings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Demo passwords are hashed at test speed; production keeps the default work factor.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            if (_keepsSeeded) services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService>(new SeededDatabases.Keeper(_seededKey!, SqliteFile)));
            _services?.Invoke(services);
        });
    }

    /// <summary>An HTTP client signed in as the demo user (password demo1234).</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Demo.DemoData.Password });
        await response.ShouldSucceedAsync();
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A scope on the service's own container, to read the database directly in assertions.</summary>
    public async Task<T> WithDbAsync<T>(Func<CoBanDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<CoBanDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null && _ownsDatabase) await TestPostgres.DropDatabaseAsync(_postgres);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("COBAN_KEEP_TEST_FILES") is null)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
