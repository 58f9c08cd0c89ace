using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>A test server that speaks Anthropic's Messages API wire format and records what it was sent.</summary>
public sealed class FakeAnthropicServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<(string? ApiKey, JsonElement Body)> Requests { get; } = new();
    public string Url { get; }
    public string LastHeaders { get; private set; } = "";

    private FakeAnthropicServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<FakeAnthropicServer> StartAsync()
    {
        var port = AppHostProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeAnthropicServer(app, $"http://127.0.0.1:{port}");
        app.MapPost("/v1/messages", async (HttpRequest request) =>
        {
            var body = (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone();
            server.LastHeaders = string.Join(", ", request.Headers.Select(h => h.Key));
            // The SDK presents the key as x-api-key or as a bearer token, depending on how it was configured.
            var key = request.Headers["x-api-key"].ToString() is { Length: > 0 } apiKey ? apiKey : request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            server.Requests.Enqueue((key, body));
            return Results.Json(new
            {
                id = "msg_test_1",
                type = "message",
                role = "assistant",
                model = body.GetProperty("model").GetString(),
                content = new[] { new { type = "text", text = "Clouds form when moist air cools." } },
                stop_reason = "end_turn",
                stop_sequence = (string?)null,
                usage = new { input_tokens = 12, output_tokens = 7 },
            });
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
