using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// The built service (CoBan.Workflow.dll) as a separate OS process, configured through environment
/// variables, so a test can kill it with no chance to clean up. Waits for GET /health before returning.
/// (A colleague's Support/ServiceProcess.cs does the same for the timers; the two are to be unified.)
/// </summary>
public sealed class NoticeServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private NoticeServiceProcess(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the service with the given configuration (keys as in appsettings.json, e.g. "CoBan:Demo").</summary>
    public static async Task<NoticeServiceProcess> StartAsync(IReadOnlyDictionary<string, string> configuration, string workingDirectory, TimeSpan? timeout = null)
    {
        var port = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(ServiceDll());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in configuration) start.Environment[key.Replace(":", "__")] = value;

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        if (!process.Start()) throw new InvalidOperationException("could not start dotnet " + start.ArgumentList[0]);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new NoticeServiceProcess(process, output, port);
        try
        {
            await service.WaitForHealthAsync(timeout ?? TimeSpan.FromSeconds(90));
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>The service's own build output (src/CoBan.Workflow/bin/&lt;configuration&gt;/net10.0), else the copy beside the tests.</summary>
    public static string ServiceDll()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tests.Parent?.Name ?? "Debug";
        var framework = tests.Name;
        var root = tests.Parent?.Parent?.Parent?.Parent?.Parent; // tests/CoBan.Workflow.Tests/bin/<config>/<tfm>
        var own = root is null ? null : Path.Combine(root.FullName, "src", "CoBan.Workflow", "bin", configuration, framework, "CoBan.Workflow.dll");
        if (own is not null && File.Exists(own)) return own;
        var beside = Path.Combine(AppContext.BaseDirectory, "CoBan.Workflow.dll");
        return File.Exists(beside) ? beside : throw new FileNotFoundException("CoBan.Workflow.dll was not built", own);
    }

    private async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the service exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the service did not answer /health within {timeout.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown hooks, no flushing, like a power cut for the process.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        try { Kill(); } catch (InvalidOperationException) { }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
