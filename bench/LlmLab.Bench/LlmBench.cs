using System.Diagnostics;
using Grpc.Net.Client;
using LlmLab.Contracts.Llm;

namespace LlmLab.Bench;

/// <summary>
/// llm-integration through gRPC Generate: calls per second at zero provider latency (the service's own cost: limits,
/// retry pipeline, token counting, Redis), and with the simulated provider at 200 ms and a concurrency limit C, the
/// achieved rate against the ceiling C / 0.2 s.
/// </summary>
public static class LlmBench
{
    public static async Task RunAsync()
    {
        await using var redis = await ServiceProcess.StartRedisAsync();
        var zero = await MeasureAsync(redis.Port, concurrencyLimit: 64, callers: 32, model: "simulated-0ms", seconds: 5);
        Console.WriteLine($"llm gRPC Generate, zero provider latency, 32 callers: median {zero:F0} calls/s (service overhead ≈ {1000.0 / zero * 32:F2} ms per call in flight)");

        foreach (var limit in new[] { 16, 64, 256 })
        {
            var achieved = await MeasureAsync(redis.Port, concurrencyLimit: limit, callers: limit * 2, model: "simulated-200ms", seconds: 6);
            var ceiling = limit / 0.2;
            Console.WriteLine($"llm gRPC Generate, simulated 200 ms, limit C={limit}: median {achieved:F0} calls/s of {ceiling:F0} ({achieved / ceiling:P0})");
        }
    }

    private static async Task<double> MeasureAsync(int redisPort, int concurrencyLimit, int callers, string model, int seconds)
    {
        await using var service = await ServiceProcess.StartServiceAsync("LlmLab.LlmIntegration", new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = $"127.0.0.1:{redisPort}",
            ["Llm__Providers__simulated__MaxConcurrency"] = concurrencyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var channel = service.OpenChannel();
        var client = new LlmService.LlmServiceClient(channel);
        GenerateRequest Request(int i) => new()
        {
            TenantId = "bench", Provider = "simulated", Model = model, Cache = false,
            Messages = { new ChatMessage { Role = "user", Content = "Explain how rain forms." } },
            Parameters = new GenerationParameters { Temperature = 0.8, MaxTokens = 16, Seed = i },
        };
        for (var i = 0; i < 50; i++) await client.GenerateAsync(Request(i));   // warm-up

        var rates = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var completed = 0;
            var watch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds / 3.0);
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
            {
                var n = 0;
                while (watch.Elapsed < deadline)
                {
                    await client.GenerateAsync(Request(c * 100_000 + n++));
                    Interlocked.Increment(ref completed);
                }
            }));
            rates.Add(completed / watch.Elapsed.TotalSeconds);
        }
        return Texts.Median(rates);
    }
}
