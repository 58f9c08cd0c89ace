using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LlmLab.TestKit;

/// <summary>
/// POST /embeddings of <see cref="FakeOpenAiServer"/>: each input's vector is <see cref="Of"/> (a normalised bag of
/// hashed lower-case words, so texts sharing words are close), as floats or base64 as the request asks (the OpenAI
/// .NET SDK asks for base64). Honours the scenario's latency, concurrency limit and forced error status.
/// </summary>
public static class FakeEmbeddings
{
    public const int Dimensions = 64;

    public static float[] Of(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split(' ', '\n', '\t', '.', ',', '?', '!', ';', ':'))
        {
            if (word.Length > 0) vector[Bucket(word)] += 1;
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    internal static async Task AnswerAsync(FakeProviderScenario scenario, HttpContext http)
    {
        scenario.LastAuthorization = http.Request.Headers.Authorization.ToString();
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var root = body.RootElement;
        var model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        var base64 = root.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
        var inputs = root.GetProperty("input") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(i => i.GetString() ?? "").ToList()
            : [root.GetProperty("input").GetString() ?? ""];
        if (!scenario.Enter())
        {
            http.Response.Headers.RetryAfter = scenario.RetryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            await FakeOpenAiServer.WriteErrorAsync(http, 429, "rate_limit_exceeded", "Too many requests in flight.");
            return;
        }
        var outcome = FakeProviderScenario.Outcome.Failed;
        try
        {
            await Task.Delay(scenario.Latency, http.RequestAborted);
            if (scenario.FailWithStatus != 0)
            {
                await FakeOpenAiServer.WriteErrorAsync(http, scenario.FailWithStatus, "server_error", $"The fake provider was told to answer {scenario.FailWithStatus}.");
                return;
            }
            scenario.CountEmbedded(inputs.Count);
            var tokens = inputs.Sum(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            var data = inputs.Select((text, index) => new
            {
                @object = "embedding", index, embedding = base64 ? (object)Convert.ToBase64String(MemoryMarshal.AsBytes(Of(text).AsSpan())) : Of(text),
            });
            await http.Response.WriteAsJsonAsync(new { @object = "list", data, model, usage = new { prompt_tokens = tokens, total_tokens = tokens } },
                http.RequestAborted);
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

    /// <summary>A stable hash (FNV-1a), so vectors are the same in every process.</summary>
    private static int Bucket(string word)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(word)) hash = (hash ^ b) * 16777619u;
        return (int)(hash % Dimensions);
    }
}
