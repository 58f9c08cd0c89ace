using System.Diagnostics.Metrics;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>The service's own metrics (meter "LlmLab.LlmIntegration"): calls, cache hits and misses, tokens, cost, latency.</summary>
public sealed class LlmMetrics : IDisposable
{
    public const string MeterName = "LlmLab.LlmIntegration";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _calls;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheWriteFailures;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Histogram<double> _latency;

    public LlmMetrics()
    {
        _calls = _meter.CreateCounter<long>("llmlab.llm.calls", description: "Provider calls by provider and outcome");
        _cacheHits = _meter.CreateCounter<long>("llmlab.llm.cache.hits");
        _cacheMisses = _meter.CreateCounter<long>("llmlab.llm.cache.misses", description: "Cacheable requests not in the cache; hit rate = hits / (hits + misses)");
        _cacheWriteFailures = _meter.CreateCounter<long>("llmlab.llm.cache.write_failures", description: "Replies answered but not cached because Redis failed the write");
        _tokens = _meter.CreateCounter<long>("llmlab.llm.tokens", "{token}");
        _cost = _meter.CreateCounter<double>("llmlab.llm.cost", "USD");
        _latency = _meter.CreateHistogram<double>("llmlab.llm.latency", "ms");
    }

    public void Call(string provider, string outcome) => _calls.Add(1, new("provider", provider), new("outcome", outcome));
    public void CacheHit(string provider) => _cacheHits.Add(1, new KeyValuePair<string, object?>("provider", provider));
    public void CacheMiss(string provider) => _cacheMisses.Add(1, new KeyValuePair<string, object?>("provider", provider));
    public void CacheWriteFailed(string provider) => _cacheWriteFailures.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public void Completed(string provider, int promptTokens, int completionTokens, double cost, double latencyMs)
    {
        _tokens.Add(promptTokens, new("provider", provider), new("direction", "input"));
        _tokens.Add(completionTokens, new("provider", provider), new("direction", "output"));
        _cost.Add(cost, new KeyValuePair<string, object?>("provider", provider));
        _latency.Record(latencyMs, new KeyValuePair<string, object?>("provider", provider));
    }

    public void Dispose() => _meter.Dispose();
}
