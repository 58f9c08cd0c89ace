using System.Collections.Concurrent;
using LlmLab.LlmIntegration.Domain;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>The <see cref="AdaptiveConcurrency"/> of every provider, created on first use with the provider's MaxConcurrency as ceiling.</summary>
public sealed class AdaptiveLimits(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, AdaptiveConcurrency> _limits = new(StringComparer.OrdinalIgnoreCase);

    public AdaptiveConcurrency For(string provider, ProviderDefinition definition) =>
        _limits.GetOrAdd(provider, _ => new AdaptiveConcurrency(definition.MaxConcurrency, time));

    public void Dispose()
    {
        foreach (var limit in _limits.Values) limit.Dispose();
    }
}
