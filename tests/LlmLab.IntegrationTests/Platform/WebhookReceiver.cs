using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// A webhook receiver for the tests: records every request, verifies its signature with the secret it was given, and
/// answers 500 to the first attempt of each delivery (then 200), so every delivery must be retried once.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attemptsByDelivery = new();

    public sealed record Received(string DeliveryId, string Event, string Body, bool SignatureValid, int AnsweredStatus);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; }

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var port = AppHostProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, $"http://127.0.0.1:{port}/hooks/llmlab");
        app.MapPost("/hooks/llmlab", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
            var delivery = request.Headers["X-LlmLab-Delivery"].ToString();
            var valid = Verify(secret, request.Headers["X-LlmLab-Signature"].ToString(), body);
            var status = receiver._attemptsByDelivery.AddOrUpdate(delivery, 1, (_, n) => n + 1) == 1 ? 500 : 200;
            receiver.Requests.Enqueue(new Received(delivery, request.Headers["X-LlmLab-Event"].ToString(), body, valid, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
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
