using System.Text.Json;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// A legacy completion as server-sent events, per OpenAI's rules: text_completion chunks whose one choice carries a
/// text delta, a last chunk per choice with its finish reason (choices one after the other when n &gt; 1), then — only
/// with stream_options.include_usage — a chunk with empty choices and the usage (cost included), and data: [DONE].
/// </summary>
public static class CompletionsStream
{
    /// <summary>One generation stream per choice, enumerated one after the other.</summary>
    public static async Task WriteAsync(HttpContext http, IReadOnlyList<IAsyncEnumerable<(string Delta, GenerationResult? Final)>> choices, CompletionsRequest body, CancellationToken ct)
    {
        var id = $"cmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var results = new List<GenerationResult>();
        for (var index = 0; index < choices.Count; index++)
        {
            await foreach (var (delta, final) in choices[index].WithCancellation(ct))
            {
                if (final is not null)
                {
                    results.Add(final);
                    await WriteChunkAsync(http, new { id, @object = "text_completion", created, model = body.Model, choices = new[] { Choice(index, "", final.FinishReason) } }, ct);
                    break;
                }
                if (delta.Length > 0) await WriteChunkAsync(http, new { id, @object = "text_completion", created, model = body.Model, choices = new[] { Choice(index, delta, null) } }, ct);
            }
            if (results.Count <= index) throw new InvalidOperationException("The generation stream ended without its totals.");
        }
        if (body.StreamOptions?.IncludeUsage == true)
            await WriteChunkAsync(http, new { id, @object = "text_completion", created, model = body.Model, choices = Array.Empty<object>(), usage = ChatCompletionShapes.Usage(results) }, ct);
        await http.Response.WriteAsync("data: [DONE]\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    private static object Choice(int index, string text, string? finishReason) => new { text, index, logprobs = (object?)null, finish_reason = finishReason };

    private static async Task WriteChunkAsync(HttpContext http, object chunk, CancellationToken ct)
    {
        if (!http.Response.HasStarted)
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
        }
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
