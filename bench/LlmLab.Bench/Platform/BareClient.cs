using System.Diagnostics;
using System.Net.Http.Json;
using LlmLab.TestKit;

namespace LlmLab.Bench.Platform;

/// <summary>The reference: a bare HTTP client sending the same chat completions straight to the test server, C at a time.</summary>
public static class BareClient
{
    public static async Task<double> CallsPerSecondAsync(FakeOpenAiServer server, string scenario, int calls, int concurrency)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        var url = $"{server.BaseUrlOf(scenario)}/chat/completions";
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= calls)
            {
                using var response = await client.PostAsJsonAsync(url, new
                {
                    model = BenchProviders.Model, temperature = 0.5, max_tokens = 60,
                    messages = new[] { new { role = "user", content = "Explain how rain forms." } },
                });
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
        }));
        return calls / watch.Elapsed.TotalSeconds;
    }
}
