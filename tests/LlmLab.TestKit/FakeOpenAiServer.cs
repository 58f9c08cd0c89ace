using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LlmLab.TestKit;

/// <summary>
/// An OpenAI-compatible chat completions and embeddings server for tests and benchmarks. Each scenario has its own base URL
/// (<see cref="BaseUrlOf"/>), settings (latency, a concurrency above which it answers 429 with Retry-After, a forced
/// error status, streaming pace) and counters (requests, successes, aborted requests, most in flight).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeProviderScenario> _scenarios = new(StringComparer.Ordinal);

    public string Url { get; }

    private FakeOpenAiServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The settings and counters of a scenario (created on first use).</summary>
    public FakeProviderScenario Scenario(string name) => _scenarios.GetOrAdd(name, n => new FakeProviderScenario(n));

    /// <summary>The OpenAI base URL (ending in /v1) that reaches the scenario.</summary>
    public string BaseUrlOf(string scenario) => $"{Url}/s/{scenario}/v1";

    public static async Task<FakeOpenAiServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app, $"http://127.0.0.1:{port}");
        app.MapPost("/s/{scenario}/v1/chat/completions", (string scenario, HttpContext http) => server.AnswerAsync(server.Scenario(scenario), http));
        app.MapPost("/s/{scenario}/v1/embeddings", (string scenario, HttpContext http) => FakeEmbeddings.AnswerAsync(server.Scenario(scenario), http));
        await app.StartAsync();
        return server;
    }

    private async Task AnswerAsync(FakeProviderScenario scenario, HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var model = body.RootElement.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        var stream = body.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        scenario.LastChatRequest = body.RootElement.GetRawText();
        // A request that already carries a tool's result is answered with Content: the model's answer after using the tool.
        var callTool = scenario.ToolCall is not null && body.RootElement.TryGetProperty("tools", out _) && !HasToolResult(body.RootElement);
        if (!scenario.Enter())
        {
            http.Response.Headers.RetryAfter = scenario.RetryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            await WriteErrorAsync(http, 429, "rate_limit_exceeded", "Too many requests in flight.");
            return;
        }
        var outcome = FakeProviderScenario.Outcome.Failed;
        try
        {
            await Task.Delay(scenario.Latency, http.RequestAborted);
            if (scenario.FailWithStatus != 0)
            {
                if (scenario.FailWithStatus == 429) http.Response.Headers.RetryAfter = scenario.RetryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                await WriteErrorAsync(http, scenario.FailWithStatus, "server_error", $"The fake provider was told to answer {scenario.FailWithStatus}.");
                return;
            }
            if (callTool) await http.Response.WriteAsJsonAsync(ToolCallCompletion(scenario.ToolCall!.Value, model), http.RequestAborted);
            else if (stream) await StreamAsync(scenario, http, model);
            else await http.Response.WriteAsJsonAsync(Completion(scenario.Content, model, Logprobs(body.RootElement, scenario.Content)), http.RequestAborted);
            outcome = FakeProviderScenario.Outcome.Succeeded;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            outcome = FakeProviderScenario.Outcome.Aborted;
        }
        finally
        {
            scenario.Leave(outcome);
        }
    }

    private static bool HasToolResult(JsonElement request) =>
        request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
        && messages.EnumerateArray().Any(m => m.TryGetProperty("role", out var role) && role.GetString() == "tool");

    private static async Task StreamAsync(FakeProviderScenario scenario, HttpContext http, string model)
    {
        http.Response.ContentType = "text/event-stream";
        var words = scenario.Content.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0) await Task.Delay(scenario.StreamChunkGap, http.RequestAborted);
            var delta = i == 0 ? words[i] : " " + words[i];
            await WriteEventAsync(http, Chunk(model, new { content = delta }, null));
        }
        await WriteEventAsync(http, Chunk(model, new { }, "stop"));
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    private static async Task WriteEventAsync(HttpContext http, object chunk)
    {
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    internal static Task WriteErrorAsync(HttpContext http, int status, string type, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { message, type, param = (string?)null, code = type } });
    }

    /// <summary>When asked (logprobs: true), one token per word of the content, each with log-probability -0.25 and its alternatives.</summary>
    private static object? Logprobs(JsonElement request, string content)
    {
        if (!request.TryGetProperty("logprobs", out var asked) || asked.ValueKind != JsonValueKind.True) return null;
        var top = request.TryGetProperty("top_logprobs", out var count) ? count.GetInt32() : 0;
        var words = content.Split(' ');
        return new
        {
            content = words.Select((w, i) => new
            {
                token = i == 0 ? w : " " + w,
                logprob = -0.25,
                bytes = (int[]?)null,
                top_logprobs = Enumerable.Range(0, top).Select(k => new { token = k == 0 ? (i == 0 ? w : " " + w) : $" alt{k}", logprob = -0.25 - k, bytes = (int[]?)null }),
            }),
        };
    }

    private static object Completion(string content, string model, object? logprobs = null) => new
    {
        id = $"chatcmpl-{Guid.NewGuid():N}",
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, logprobs, finish_reason = "stop" } },
        usage = new { prompt_tokens = 12, completion_tokens = content.Split(' ').Length, total_tokens = 12 + content.Split(' ').Length },
    };

    private static object ToolCallCompletion((string Name, string Arguments) call, string model) => new
    {
        id = $"chatcmpl-{Guid.NewGuid():N}",
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant", content = (string?)null,
                    tool_calls = new[] { new { id = "call_fake_1", type = "function", function = new { name = call.Name, arguments = call.Arguments } } },
                },
                finish_reason = "tool_calls",
            },
        },
        usage = new { prompt_tokens = 30, completion_tokens = 9, total_tokens = 39 },
    };

    private static object Chunk(string model, object delta, string? finishReason) => new
    {
        id = "chatcmpl-stream",
        @object = "chat.completion.chunk",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
