using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace CoBan.Workflow.Tests.Support;

/// <summary>
/// The real service as a separate OS process (<c>dotnet CoBan.Workflow.dll</c>), for tests that must crash it:
/// kill -9, restart on the same database and port, run two nodes on one database. Settings are passed as
/// command-line configuration (<c>--Key=Value</c>, which beats appsettings.json); by default a fresh SQLite file
/// in the process's own folder, the demo city, and a free 127.0.0.1 port. Its console output is kept in
/// <see cref="LogPath"/> (shown when it fails to start). Dispose kills it and deletes its folder.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dll;
    private Process? _process;
    private StreamWriter? _log;
    private readonly object _logGate = new();

    public string Folder { get; }
    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string LogPath => Path.Combine(Folder, $"{Name}.console.log");
    public bool IsRunning => _process is { HasExited: false };
    public int? ProcessId => _process?.Id;

    /// <summary>The SQLite file of the default configuration (ignored when the settings name another database).</summary>
    public string SqlitePath => Path.Combine(Folder, "coban.db");

    private ServiceProcess(string name, string folder, int port, string dll, Dictionary<string, string?> settings)
    {
        Name = name;
        Folder = folder;
        Port = port;
        _dll = dll;
        _settings = settings;
    }

    /// <summary>Starts the service and waits until GET /health answers 200.</summary>
    /// <param name="settings">Configuration keys (e.g. "CoBan:Database:Provider") overriding the defaults; a null value removes a default.</param>
    /// <param name="folder">The data folder; give the same folder to a second node that shares an SQLite file, or leave null for a new temporary one.</param>
    public static async Task<ServiceProcess> StartAsync(Dictionary<string, string?>? settings = null, string name = "node", string? folder = null,
        TimeSpan? timeout = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "coban-process-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var all = new Dictionary<string, string?>
        {
            ["CoBan:Demo"] = "true",
            // The processes run as Production (below) with the demo city: allowed explicitly, as DemoGuard asks.
            ["CoBan:DemoInProduction"] = "true",
            // Not the six weeks of replayed history a Production demo makes (hundreds of steps, the longest part of a
            // start on a busy machine): these tests crash and restart the service, they do not read the history.
            ["CoBan:DemoHistory"] = "false",
            ["CoBan:DataFolder"] = folder,
            ["CoBan:Database:Provider"] = "Sqlite",
            ["CoBan:Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "coban.db")}",
            ["Serilog:MinimumLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var service = new ServiceProcess(name, folder, FreePort(), LocateServiceDll(), all);
        await service.LaunchAsync(timeout ?? TimeSpan.FromSeconds(90));
        return service;
    }

    /// <summary>Where the built service is: next to the test assembly (the project reference copies it there).</summary>
    public static string LocateServiceDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CoBan.Workflow.dll");
        if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            throw new FileNotFoundException("CoBan.Workflow.dll with its runtimeconfig.json was not found next to the tests; build the test project first", dll);
        return dll;
    }

    /// <summary>kill -9 (SIGKILL, the whole process tree): no shutdown code runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        CloseLog();
    }

    /// <summary>Starts it again with the same settings, folder and port (after a kill or a stop) and waits for /health.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        await KillAsync();
        await LaunchAsync(timeout ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>An HTTP client for this node, signed in as a demo user (password demo1234).</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Demo.DemoData.Password });
        await response.ShouldSucceedAsync();
        return client;
    }

    /// <summary>An anonymous HTTP client with a cookie jar for this node.</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public string ReadLog()
    {
        lock (_logGate) _log?.Flush();
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("COBAN_KEEP_PROCESS_FOLDERS") is not "1")
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task LaunchAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(_dll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{Port}");
        foreach (var (key, value) in _settings)
            if (value is not null) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The demo city without its demo cases: the crash tests count their own timers, steps and notices.
        start.Environment["CoBan__DemoCases"] = "false";

        lock (_logGate) _log = new StreamWriter(new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8);
        Write($"==== {DateTimeOffset.Now:O} starting {Name} on port {Port}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write("ERR " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting. Console:\n{Tail(ReadLog())}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not become healthy within {timeout}. Console:\n{Tail(ReadLog())}");
    }

    private void Write(string line)
    {
        lock (_logGate)
        {
            _log?.WriteLine(line);
            _log?.Flush();
        }
    }

    private void CloseLog()
    {
        lock (_logGate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private static string Tail(string text, int lines = 60) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
