using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LlmLab.TestKit;

/// <summary>
/// A webhook receiver for the tests and benches: records every request (with the time it arrived), verifies its
/// signature with the secret it was given, and answers 500 to the first <c>failFirstAttempts</c> attempts of each
/// delivery (then 200), so every delivery must be retried that many times.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attemptsByDelivery = new();

    public sealed record Received(string DeliveryId, string Event, string Body, bool SignatureValid, int AnsweredStatus, DateTimeOffset At);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; private set; } = "";

    private WebhookReceiver(WebApplication app) => _app = app;

    public static async Task<WebhookReceiver> StartAsync(string secret, int failFirstAttempts = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/llmlab", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
            var delivery = request.Headers["X-LlmLab-Delivery"].ToString();
            var valid = Verify(secret, request.Headers["X-LlmLab-Signature"].ToString(), body);
            var status = receiver._attemptsByDelivery.AddOrUpdate(delivery, 1, (_, n) => n + 1) <= failFirstAttempts ? 500 : 200;
            receiver.Requests.Enqueue(new Received(delivery, request.Headers["X-LlmLab-Event"].ToString(), body, valid, status, DateTimeOffset.UtcNow));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Url = $"{app.Urls.First()}/hooks/llmlab";
        return receiver;
    }

    /// <summary>The receiver's side of the documented scheme: "t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;".</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
