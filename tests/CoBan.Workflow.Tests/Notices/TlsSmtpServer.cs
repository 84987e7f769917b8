using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CoBan.Workflow.Tests.Infrastructure;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// A real SMTP server that requires STARTTLS and a login (aiosmtpd's Controller with a TLS context and
/// an authenticator), with a self-signed certificate generated for the test. The service trusts it
/// only through EmailOptions.TrustedCertificateThumbprint (<see cref="Thumbprint"/>).
/// </summary>
public sealed class TlsSmtpServer : IAsyncDisposable
{
    public const string UserName = "coban";
    public const string Password = "smtp-pass-for-tests";

    // aiosmtpd: STARTTLS required, AUTH required (only after TLS), messages into a maildir.
    private const string Script = """
        import ssl, sys, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult, LoginPassword
        cert, key, port, maildir, user, password = sys.argv[1:7]
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        def authenticate(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
            return AuthResult(success=ok, handled=False)
        controller = Controller(Mailbox(maildir), hostname='127.0.0.1', port=int(port), tls_context=context, require_starttls=True,
                                authenticator=authenticate, auth_required=True)
        controller.start()
        print('listening', flush=True)
        while True:
            time.sleep(3600)
        """;

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _root;

    private TlsSmtpServer(Process process, StringBuilder output, string root, int port, string thumbprint)
    {
        (_process, _output, _root, Port, Thumbprint) = (process, output, root, port, thumbprint);
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    /// <summary>SHA-256 thumbprint of the server's self-signed certificate.</summary>
    public string Thumbprint { get; }
    public string MailDirectory => Path.Combine(_root, "maildir");
    public string Log { get { lock (_output) return _output.ToString(); } }

    public IReadOnlyList<string> Files =>
        new[] { "new", "cur" }.Select(s => Path.Combine(MailDirectory, s)).Where(Directory.Exists).SelectMany(Directory.GetFiles).ToList();

    public static async Task<TlsSmtpServer> StartAsync()
    {
        var python = Environment.GetEnvironmentVariable(TestSmtpServer.PythonVariable);
        if (string.IsNullOrWhiteSpace(python)) python = TestSmtpServer.DefaultPython;
        var root = Directory.CreateTempSubdirectory("coban-smtps-").FullName;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        // The certificate's validity is checked by TLS against the real clock, not the test clock.
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(root, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(root, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());

        var port = FreePort();
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var a in new[] { "-c", Script, Path.Combine(root, "cert.pem"), Path.Combine(root, "key.pem"), port.ToString(), Path.Combine(root, "maildir"), UserName, Password })
            start.ArgumentList.Add(a);
        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains("listening", StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("aiosmtpd exited:\n" + output));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new TlsSmtpServer(process, output, root, port, certificate.GetCertHashString(HashAlgorithmName.SHA256));
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
