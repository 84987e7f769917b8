using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// An HTTP/JSON SMS gateway on 127.0.0.1 for tests, behaving as CoBan's webhook contract asks: it
/// de-duplicates on the idempotency key (a repeated key gets the first message id back and sends
/// nothing). <see cref="Requests"/> counts what reached it; <see cref="Sent"/> is what phones got.
/// It can be stopped and started again on the same port (gateway down), answer 503, or be slow.
/// </summary>
public sealed class TestSmsGateway : IAsyncDisposable
{
    private WebApplication? _app;
    private int _next;
    private int _inFlight;

    public sealed record Message(string Key, string MessageId, string Phone, string? SignName, string TemplateCode, JsonObject Params, string Text, bool SignatureValid);

    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/sms";
    public ConcurrentQueue<JsonObject> Requests { get; } = new();
    public ConcurrentDictionary<string, Message> Sent { get; } = new();
    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);
    /// <summary>Answer 503 (after reading the request) instead of sending.</summary>
    public volatile bool Unavailable;
    /// <summary>The shared secret the requests' X-CoBan-Signature is checked against.</summary>
    public string? Secret { get; init; }
    /// <summary>Refuse every message with 400 (a permanent refusal: bad number, unknown template).</summary>
    public volatile bool Refuse;
    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay = TimeSpan.Zero;
    /// <summary>
    /// Answer this many requests, then hold every later one unanswered (its message neither sent nor refused) until
    /// <see cref="ReleaseHeld"/>: a kill point a test controls, the sender waiting inside its send window.
    /// </summary>
    public int? HoldAfter;
    private int _received;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;
    /// <summary>Requests being held now (see <see cref="HoldAfter"/>).</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Lets held requests (and later ones) be answered.</summary>
    public void ReleaseHeld()
    {
        HoldAfter = null;
        _release.TrySetResult();
    }

    public static async Task<TestSmsGateway> StartAsync(int port = 0, string? secret = null)
    {
        var gateway = new TestSmsGateway { Secret = secret };
        await gateway.StartListeningAsync(port);
        return gateway;
    }

    public async Task StartListeningAsync(int? port = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port ?? Port}");
        var app = builder.Build();
        app.MapPost("/sms", HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartListeningAsync"/> (same port).</summary>
    public async Task StopListeningAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await AnswerAsync(request);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<IResult> AnswerAsync(HttpRequest request)
    {
        var raw = await new StreamReader(request.Body).ReadToEndAsync();
        var body = JsonNode.Parse(raw)!.AsObject();
        var signatureValid = Secret is not null && CoBan.Workflow.Notices.WebhookSmsGateway.Verify(Secret, raw, request.Headers["X-CoBan-Signature"]);
        Requests.Enqueue(body);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        if (Interlocked.Increment(ref _received) > HoldAfter)
        {
            Interlocked.Increment(ref _held);
            try
            {
                // The connection stays open, unanswered; a sender killed now never learns what became of it.
                await _release.Task.WaitAsync(request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.StatusCode(499); // the sender went away: nothing sent
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }
        if (Unavailable) return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
        if (Refuse) return Results.BadRequest(new { error = "invalid phone number" });
        var key = request.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrEmpty(key) || key != (string?)body["idempotencyKey"]) return Results.BadRequest(new { error = "Idempotency-Key header missing or different from the body" });
        var message = Sent.GetOrAdd(key, k => new Message(k, $"gw-{Interlocked.Increment(ref _next)}", (string)body["phone"]!, (string?)body["signName"],
            (string)body["templateCode"]!, body["params"]!.AsObject().DeepClone().AsObject(), (string)body["text"]!, signatureValid));
        return Results.Ok(new { messageId = message.MessageId });
    }

    public async ValueTask DisposeAsync() => await StopListeningAsync();
}
