using System.Diagnostics;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;

namespace CoBan.Workflow.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (<c>/usr/bin/python3 -m aiosmtpd</c>) listening on
/// 127.0.0.1 and a free port, storing every message in a maildir under a temp folder
/// (handler <c>aiosmtpd.handlers.Mailbox</c>, whose only argument is the maildir path).
/// The python comes from COBAN_SMTPD_PYTHON (set by tests/run.sh); the pyenv python3 on PATH lacks aiosmtpd.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string PythonVariable = "COBAN_SMTPD_PYTHON";
    public const string DefaultPython = "/usr/bin/python3";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _root;

    private TestSmtpServer(Process process, StringBuilder output, string root, int port)
    {
        _process = process;
        _output = output;
        _root = root;
        Port = port;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>The maildir the server writes to (messages land in its <c>new</c> subfolder).</summary>
    public string MailDirectory => Path.Combine(_root, "maildir");

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Log
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<TestSmtpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var python = Environment.GetEnvironmentVariable(PythonVariable);
        if (string.IsNullOrWhiteSpace(python)) python = DefaultPython;
        if (!File.Exists(python))
            throw new InvalidOperationException(
                $"The SMTP test server needs {python} with aiosmtpd (Debian package python3-aiosmtpd); run the tests with tests/run.sh or set {PythonVariable}.");

        var root = Directory.CreateTempSubdirectory("coban-smtp-").FullName;
        var port = FreeTcpPort();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in new[]
                 {
                     "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}",
                     "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(root, "maildir"),
                 })
            start.ArgumentList.Add(argument);
        start.Environment["PYTHONUNBUFFERED"] = "1";

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {python} -m aiosmtpd.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new TestSmtpServer(process, output, root, port);
        try
        {
            await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(20), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An SmtpClient that delivers to this server.</summary>
    public SmtpClient CreateClient() => new(Host, Port)
    {
        DeliveryMethod = SmtpDeliveryMethod.Network,
        EnableSsl = false,
        UseDefaultCredentials = false,
        Timeout = 20_000,
    };

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            var files = new List<FileInfo>();
            foreach (var sub in new[] { "new", "cur" })
            {
                var dir = new DirectoryInfo(Path.Combine(MailDirectory, sub));
                if (dir.Exists) files.AddRange(dir.GetFiles());
            }

            return files
                .OrderBy(f => f.LastWriteTimeUtc)
                .ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => ReceivedMail.Parse(File.ReadAllBytes(f.FullName)))
                .ToList();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (the maildir moves a file in only once complete).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var messages = Messages;
            if (messages.Count >= count) return messages;
            if (_process.HasExited)
                throw new InvalidOperationException($"The SMTP test server exited ({_process.ExitCode}) after {messages.Count} of {count} messages:\n{Log}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {messages.Count} of {count} messages arrived at the SMTP test server.\n{Log}");
            await Task.Delay(25, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (OperationCanceledException)
        {
            // leave it; the temp folder is still removed below
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The SMTP test server ({_process.StartInfo.FileName} -m aiosmtpd) exited with code {_process.ExitCode} before listening:\n{Log}");
            try
            {
                using var client = new TcpClient();
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(1));
                await client.ConnectAsync(IPAddress.Loopback, Port, attempt.Token);
                return;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"The SMTP test server did not listen on 127.0.0.1:{Port} within {timeout.TotalSeconds:0} s:\n{Log}");
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
