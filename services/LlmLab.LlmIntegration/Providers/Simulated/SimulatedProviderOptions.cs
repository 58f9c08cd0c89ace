namespace LlmLab.LlmIntegration.Providers.Simulated;

/// <summary>Configuration "Llm:Simulated": a fault profile per simulated model (and a default).</summary>
public sealed class SimulatedProviderOptions
{
    public FaultProfile Default { get; set; } = new();
    public Dictionary<string, FaultProfile> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public FaultProfile For(string model) => Profiles.TryGetValue(model, out var profile) ? profile : Default;
}

/// <summary>Latency drawn from a normal distribution (truncated at 0), token throughput, and shares of failures.</summary>
public sealed class FaultProfile
{
    public double LatencyMs { get; set; } = 200;
    public double LatencyStdDevMs { get; set; }
    /// <summary>0: the text arrives at once after the latency.</summary>
    public double TokensPerSecond { get; set; }
    public double RateLimitShare { get; set; }
    public double RetryAfterSeconds { get; set; } = 1;
    public double ServerErrorShare { get; set; }
    public double TimeoutShare { get; set; }
    public double TimeoutMs { get; set; } = 2_000;
}
