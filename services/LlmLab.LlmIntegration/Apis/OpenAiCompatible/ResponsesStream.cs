using System.Text.Json;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// A response as OpenAI's Responses streaming events, each a named SSE event whose data carries the same <c>type</c>
/// and a <c>sequence_number</c>: response.created, response.in_progress, response.output_item.added,
/// response.content_part.added, response.output_text.delta (as the model produces text), response.output_text.done,
/// response.content_part.done, response.output_item.done, then response.completed (or response.incomplete when cut at
/// max_output_tokens) with the whole response and its usage. A provider failure after the stream started is a
/// response.failed event. The stream has no [DONE] line, as OpenAI's.
/// </summary>
public static class ResponsesStream
{
    public static async Task WriteAsync(HttpContext http, IAsyncEnumerable<(string Delta, GenerationResult? Final)> generation, ResponseShapes shapes, CancellationToken ct)
    {
        var events = new EventWriter(http);
        var started = false;
        try
        {
            await foreach (var (delta, final) in generation.WithCancellation(ct))
            {
                if (!started) await StartAsync(events, shapes, ct);
                started = true;
                if (final is not null)
                {
                    await FinishAsync(events, shapes, final, ct);
                    return;
                }
                if (delta.Length > 0) await events.WriteAsync("response.output_text.delta", new { item_id = shapes.MessageId, output_index = 0, content_index = 0, delta, logprobs = Array.Empty<object>() }, ct);
            }
            throw new InvalidOperationException("The generation stream ended without its totals.");
        }
        catch (ProviderException failed) when (started)
        {
            await events.WriteAsync("response.failed", new { response = shapes.Failed(failed.FailureKind, failed.Message) }, ct);
        }
    }

    private static async Task StartAsync(EventWriter events, ResponseShapes shapes, CancellationToken ct)
    {
        await events.WriteAsync("response.created", new { response = shapes.InProgress() }, ct);
        await events.WriteAsync("response.in_progress", new { response = shapes.InProgress() }, ct);
        await events.WriteAsync("response.output_item.added", new { output_index = 0, item = shapes.Message("in_progress", null) }, ct);
        await events.WriteAsync("response.content_part.added", new { item_id = shapes.MessageId, output_index = 0, content_index = 0, part = ResponseShapes.TextPart("") }, ct);
    }

    private static async Task FinishAsync(EventWriter events, ResponseShapes shapes, GenerationResult final, CancellationToken ct)
    {
        var status = ResponseShapes.Status(final);
        await events.WriteAsync("response.output_text.done", new { item_id = shapes.MessageId, output_index = 0, content_index = 0, text = final.Content, logprobs = Array.Empty<object>() }, ct);
        await events.WriteAsync("response.content_part.done", new { item_id = shapes.MessageId, output_index = 0, content_index = 0, part = ResponseShapes.TextPart(final.Content) }, ct);
        await events.WriteAsync("response.output_item.done", new { output_index = 0, item = shapes.Message(status, final.Content) }, ct);
        await events.WriteAsync(status == "completed" ? "response.completed" : "response.incomplete", new { response = shapes.Finished(final) }, ct);
    }

    /// <summary>Named SSE events whose data starts with the event's type and sequence number, as the SDKs read them.</summary>
    private sealed class EventWriter(HttpContext http)
    {
        private int _sequence;

        public async Task WriteAsync(string type, object fields, CancellationToken ct)
        {
            if (_sequence == 0)
            {
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
            }
            var data = JsonSerializer.SerializeToNode(fields)!.AsObject();
            data.Insert(0, "type", type);
            data.Insert(1, "sequence_number", _sequence++);
            await http.Response.WriteAsync($"event: {type}\ndata: {data.ToJsonString()}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }
    }
}
