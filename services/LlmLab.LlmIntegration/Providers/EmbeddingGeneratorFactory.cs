using System.ClientModel;
using System.Collections.Concurrent;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit.Outbound;
using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace LlmLab.LlmIntegration.Providers;

/// <summary>
/// The Microsoft.Extensions.AI embedding generator of an OpenAI-compatible provider and model (POST {base_url}/embeddings),
/// built once per provider identity and model and rebuilt when the endpoint or key changes. Other kinds serve no
/// embeddings: null.
/// </summary>
public sealed class EmbeddingGeneratorFactory(OutboundHttp outbound)
{
    private readonly ConcurrentDictionary<(string Identity, string Model), Built> _generators = new();

    public IEmbeddingGenerator<string, Embedding<float>>? For(ResolvedModel resolved)
    {
        if (resolved.Definition.Kind != ProviderKind.OpenAi) return null;
        var fingerprint = ProviderCatalog.Fingerprint(resolved.Definition);
        var key = (resolved.Identity, resolved.Model.Name);
        if (_generators.TryGetValue(key, out var built) && built.Fingerprint == fingerprint) return built.Generator;
        var generator = new EmbeddingClient(resolved.Model.Name, new ApiKeyCredential(resolved.Definition.ApiKey),
            OpenAiSdkOptions.For(resolved.Definition, outbound)).AsIEmbeddingGenerator();
        _generators[key] = new Built(fingerprint, generator);
        return generator;
    }

    private sealed record Built(string Fingerprint, IEmbeddingGenerator<string, Embedding<float>> Generator);
}
