using System.Text;
using System.Text.Json;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;
using LlmLab.LlmIntegration.Pipeline;
using Microsoft.AspNetCore.Http;

namespace LlmLab.UnitTests.OpenAiCompatible;

/// <summary>/v1/responses and /v1/completions with stream: true — the events and chunks OpenAI's SDKs parse.</summary>
public class TextStreamsTests
{
    private static GenerationResult Final(string content, string finish = "stop") =>
        new(content, finish, PromptTokens: 7, CompletionTokens: 3, LatencyMs: 5, TimeToFirstTokenMs: 1, CostUsd: 0.002, CacheHit: false, "local", "local-ngram");

    private static async IAsyncEnumerable<(string Delta, GenerationResult? Final)> Generation(string finish, params string[] deltas)
    {
        foreach (var delta in deltas)
        {
            await Task.Yield();
            yield return (delta, null);
        }
        yield return ("", Final(string.Concat(deltas), finish));
    }

    private static async IAsyncEnumerable<(string Delta, GenerationResult? Final)> Failing()
    {
        await Task.Yield();
        yield return ("Rain", null);
        throw new ProviderException(ProviderErrorKind.ServerError, "The provider closed the stream.") { ProviderStatus = 502 };
    }

    private static (DefaultHttpContext Http, MemoryStream Body) Context()
    {
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;
        return (http, body);
    }

    /// <summary>The SSE blocks: (event name or null, data).</summary>
    private static List<(string? Event, string Data)> Events(MemoryStream body) => Encoding.UTF8.GetString(body.ToArray())
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
        .Select(block => block.Split('\n'))
        .Select(lines => (lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?["event: ".Length..],
            lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..]))
        .ToList();

    private static ResponsesRequest Request(string json) => JsonSerializer.Deserialize<ResponsesRequest>(json)!;

    [Fact]
    public async Task A_streamed_response_sends_openai_s_events_in_order_with_the_text_and_the_usage_at_the_end()
    {
        var (http, body) = Context();
        var shapes = new ResponseShapes(Request("""{"model":"local/local-ngram","input":"hi","stream":true}"""));
        await ResponsesStream.WriteAsync(http, Generation("stop", "Rain", " falls", "."), shapes, CancellationToken.None);

        Assert.Equal("text/event-stream", http.Response.ContentType);
        var events = Events(body);
        Assert.Equal(
        [
            "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
            "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
            "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed",
        ], events.Select(e => e.Event!));
        var data = events.Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        // Each event's data repeats its name as type and counts up from 0, as the SDKs check.
        Assert.Equal(events.Select(e => e.Event), data.Select(d => d.GetProperty("type").GetString()));
        Assert.Equal(Enumerable.Range(0, events.Count), data.Select(d => d.GetProperty("sequence_number").GetInt32()));
        Assert.Equal("in_progress", data[0].GetProperty("response").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, data[0].GetProperty("response").GetProperty("usage").ValueKind);
        Assert.Equal(shapes.Id, data[0].GetProperty("response").GetProperty("id").GetString());
        Assert.Equal("Rain falls.", string.Concat(data.Where(d => d.GetProperty("type").GetString() == "response.output_text.delta").Select(d => d.GetProperty("delta").GetString())));
        Assert.All(data.Where(d => d.TryGetProperty("item_id", out _)), d => Assert.Equal(shapes.MessageId, d.GetProperty("item_id").GetString()));
        Assert.Equal("Rain falls.", data[7].GetProperty("text").GetString());
        var completed = data[^1].GetProperty("response");
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal("Rain falls.", completed.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(10, completed.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal(0.002, completed.GetProperty("usage").GetProperty("cost").GetDouble());
    }

    [Fact]
    public async Task A_streamed_response_cut_at_max_output_tokens_ends_incomplete()
    {
        var (http, body) = Context();
        await ResponsesStream.WriteAsync(http, Generation("length", "Rain"), new ResponseShapes(Request("""{"model":"m","input":"hi","max_output_tokens":1}""")), CancellationToken.None);
        var last = Events(body)[^1];
        Assert.Equal("response.incomplete", last.Event);
        var response = JsonDocument.Parse(last.Data).RootElement.GetProperty("response");
        Assert.Equal("incomplete", response.GetProperty("status").GetString());
        Assert.Equal("max_output_tokens", response.GetProperty("incomplete_details").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_provider_failure_after_the_stream_started_is_a_response_failed_event()
    {
        var (http, body) = Context();
        await ResponsesStream.WriteAsync(http, Failing(), new ResponseShapes(Request("""{"model":"m","input":"hi"}""")), CancellationToken.None);
        var last = Events(body)[^1];
        Assert.Equal("response.failed", last.Event);
        var response = JsonDocument.Parse(last.Data).RootElement.GetProperty("response");
        Assert.Equal("failed", response.GetProperty("status").GetString());
        Assert.Equal("provider_error", response.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_provider_failure_before_any_text_is_thrown_so_the_caller_answers_an_http_error()
    {
        var (http, body) = Context();
        static async IAsyncEnumerable<(string, GenerationResult?)> Refused()
        {
            await Task.Yield();
            throw new ProviderException(ProviderErrorKind.RateLimited, "Too many requests.");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
            yield break;
#pragma warning restore CS0162
        }
        await Assert.ThrowsAsync<ProviderException>(() => ResponsesStream.WriteAsync(http, Refused(), new ResponseShapes(Request("""{"model":"m","input":"hi"}""")), CancellationToken.None));
        Assert.Equal(0, body.Length);
    }

    [Fact]
    public async Task Streamed_completions_are_text_completion_chunks_choice_after_choice_then_usage_when_asked_and_done()
    {
        var (http, body) = Context();
        var request = JsonSerializer.Deserialize<CompletionsRequest>("""{"model":"local/local-ngram","prompt":"The weather","n":2,"stream":true,"stream_options":{"include_usage":true}}""")!;
        await CompletionsStream.WriteAsync(http, [Generation("stop", "Sunny", " today"), Generation("length", "Cold")], request, CancellationToken.None);

        var events = Events(body);
        Assert.All(events, e => Assert.Null(e.Event));
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("text_completion", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        var choices = chunks[..^1].Select(c => c.GetProperty("choices").EnumerateArray().Single()).ToList();
        Assert.Equal("Sunny today", string.Concat(choices.Where(c => c.GetProperty("index").GetInt32() == 0).Select(c => c.GetProperty("text").GetString())));
        Assert.Equal("Cold", string.Concat(choices.Where(c => c.GetProperty("index").GetInt32() == 1).Select(c => c.GetProperty("text").GetString())));
        Assert.Equal([null, null, "stop", null, "length"], choices.Select(c => c.GetProperty("finish_reason").GetString()));
        Assert.Empty(chunks[^1].GetProperty("choices").EnumerateArray());
        Assert.Equal(20, chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal(0.004, chunks[^1].GetProperty("usage").GetProperty("cost").GetDouble(), 9);
    }

    [Fact]
    public async Task Streamed_completions_carry_no_usage_unless_asked()
    {
        var (http, body) = Context();
        var request = JsonSerializer.Deserialize<CompletionsRequest>("""{"model":"m","prompt":"x","stream":true}""")!;
        await CompletionsStream.WriteAsync(http, [Generation("stop", "Yes")], request, CancellationToken.None);
        Assert.DoesNotContain("usage", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_maps_to_a_streaming_chat_request_and_stream_options_need_stream()
    {
        var (completion, _) = JsonSerializer.Deserialize<CompletionsRequest>("""{"model":"m","prompt":"hi","stream":true,"stream_options":{"include_usage":true}}""")!.ToChat();
        Assert.True(completion!.Stream);
        Assert.True(completion.StreamOptions!.IncludeUsage);
        Assert.Null(ChatCompletionValidator.FirstError(completion));
        var (unstreamed, _) = JsonSerializer.Deserialize<CompletionsRequest>("""{"model":"m","prompt":"hi","stream_options":{"include_usage":true}}""")!.ToChat();
        Assert.Equal("stream_options", ChatCompletionValidator.FirstError(unstreamed)?.Param);
        var (response, error) = ResponsesMapping.ToChat(Request("""{"model":"m","input":"hi","stream":true}"""));
        Assert.Null(error);
        Assert.True(response!.Stream);
    }
}
