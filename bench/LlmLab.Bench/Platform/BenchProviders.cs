using LlmLab.TestKit;

namespace LlmLab.Bench.Platform;

/// <summary>
/// The OpenAI-compatible providers the throughput bench configures into llm-integration, each a scenario of the bench's
/// own <see cref="FakeOpenAiServer"/> (on loopback, which llm-integration is told to allow for 127.0.0.1 only).
/// </summary>
public static class BenchProviders
{
    public const string Model = "gpt-bench";
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    /// <summary>(provider name, concurrency limit, latency)</summary>
    public static readonly (string Name, int Concurrency, TimeSpan Latency)[] All =
    [
        ("bench-c64", 64, Latency),
        ("bench-c256", 256, Latency),
        ("bench-zero", 64, TimeSpan.Zero),
        // Slow enough that a 5,000-call run lasts ~40 s, so the chaos bench's kills every 20 s land mid-run.
        ("bench-slow", 64, TimeSpan.FromMilliseconds(500)),
    ];

    public static IEnumerable<string> Configuration(FakeOpenAiServer server)
    {
        yield return "Llm__Outbound__AllowedNetworks__0=127.0.0.1/32";
        foreach (var (name, concurrency, latency) in All)
        {
            server.Scenario(name).Latency = latency;
            var prefix = $"Llm__Providers__{name}__";
            yield return $"{prefix}Kind=OpenAi";
            yield return $"{prefix}BaseUrl={server.BaseUrlOf(name)}";
            yield return $"{prefix}ApiKey=sk-bench-{name}";
            yield return $"{prefix}DefaultModel={Model}";
            yield return $"{prefix}Models__0__Name={Model}";
            yield return $"{prefix}MaxConcurrency={concurrency}";
        }
    }
}
