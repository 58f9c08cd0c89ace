using System.Text.Json;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// A chat completion as server-sent events, per OpenAI's rules: a role chunk, content deltas, a finish chunk per choice
/// (choices one after the other when n &gt; 1), then — only with stream_options.include_usage — a last chunk with empty
/// choices and the usage (cost included), and [DONE]. Text streams as the model produces it; answers with tool calls
/// or logprobs, which the text stream cannot carry, are generated whole and then sent as chunks.
/// </summary>
public static class ChatCompletionStream
{
    public static async Task WriteAsync(HttpContext http, GenerationService generation, ChatCompletionRequest body, IReadOnlyList<GenerationRequest> requests,
        string id, long created, CancellationToken ct)
    {
        var writer = new ChunkWriter(http, id, created, body.Model!);
        var buffered = body.Logprobs == true || body.Tools is { ValueKind: JsonValueKind.Array };
        var results = new List<GenerationResult>();
        for (var index = 0; index < requests.Count; index++)
        {
            results.Add(buffered
                ? await WriteWholeAsync(writer, await generation.GenerateAsync(requests[index], ct), index, body.Logprobs == true, ct)
                : await WriteLiveAsync(writer, generation.StreamAsync(requests[index], ct), index, ct));
        }
        if (body.StreamOptions?.IncludeUsage == true) await writer.WriteAsync(Array.Empty<object>(), ChatCompletionShapes.Usage(results), ct);
        await http.Response.WriteAsync("data: [DONE]\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    private static async Task<GenerationResult> WriteLiveAsync(ChunkWriter writer, IAsyncEnumerable<(string Delta, GenerationResult? Final)> stream, int index, CancellationToken ct)
    {
        var announced = false;
        await foreach (var (delta, final) in stream.WithCancellation(ct))
        {
            if (!announced) await writer.ChoiceAsync(index, new { role = "assistant", content = "" }, ct);
            announced = true;
            if (final is not null)
            {
                await writer.ChoiceAsync(index, new { }, ct, final.FinishReason);
                return final;
            }
            await writer.ChoiceAsync(index, new { content = delta }, ct);
        }
        throw new InvalidOperationException("The generation stream ended without its totals.");
    }

    private static async Task<GenerationResult> WriteWholeAsync(ChunkWriter writer, GenerationResult result, int index, bool logprobs, CancellationToken ct)
    {
        await writer.ChoiceAsync(index, new { role = "assistant", content = "" }, ct);
        if (result.Content.Length > 0 || logprobs)
            await writer.ChoiceAsync(index, new { content = result.Content }, ct, logprobs: logprobs ? ChatCompletionShapes.Logprobs(result.Logprobs ?? []) : null);
        if (result.ToolCalls.Count > 0) await writer.ChoiceAsync(index, new { tool_calls = ChatCompletionShapes.ToolCalls(result.ToolCalls) }, ct);
        await writer.ChoiceAsync(index, new { }, ct, result.FinishReason);
        return result;
    }

    private sealed class ChunkWriter(HttpContext http, string id, long created, string model)
    {
        private bool _started;

        public Task ChoiceAsync(int index, object delta, CancellationToken ct, string? finishReason = null, object? logprobs = null) =>
            WriteAsync(new[] { new { index, delta, logprobs, finish_reason = finishReason } }, null, ct);

        public async Task WriteAsync(object choices, object? usage, CancellationToken ct)
        {
            if (!_started)
            {
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                _started = true;
            }
            var chunk = usage is null
                ? JsonSerializer.Serialize(new { id, @object = "chat.completion.chunk", created, model, choices })
                : JsonSerializer.Serialize(new { id, @object = "chat.completion.chunk", created, model, choices, usage });
            await http.Response.WriteAsync($"data: {chunk}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }
    }
}
