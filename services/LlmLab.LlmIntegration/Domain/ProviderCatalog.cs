using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>Resolves a provider and model name to its chat client and price; null when either is unknown.</summary>
public sealed class ProviderCatalog(IOptionsMonitor<LlmOptions> options, IServiceProvider services)
{
    public LlmOptions Options => options.CurrentValue;

    public ResolvedModel? Resolve(string provider, string model)
    {
        if (!Options.Providers.TryGetValue(provider, out var definition)) return null;
        var name = string.IsNullOrEmpty(model) ? definition.DefaultModel : model;
        var found = definition.Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        var client = services.GetKeyedService<IChatClient>(provider.ToLowerInvariant());
        return found is null || client is null ? null : new ResolvedModel(provider.ToLowerInvariant(), found, client);
    }
}

public sealed record ResolvedModel(string Provider, ModelDefinition Model, IChatClient Client)
{
    public double CostUsd(long promptTokens, long completionTokens) =>
        (double)((promptTokens * Model.InputPricePerMillion + completionTokens * Model.OutputPricePerMillion) / 1_000_000m);
}
