using Microsoft.Extensions.AI;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// The built-in, offline embedding ("local"): random indexing. Every feature of a text — its stemmed terms, adjacent
/// term pairs and the character trigrams of each term (so related word forms share dimensions) — has a fixed sparse
/// ±1 index vector derived from a stable hash; a text's vector is the sum of its features' index vectors weighted by
/// log term frequency, L2-normalised. Deterministic, needs no weights and no training run, so stored vectors never go
/// stale when the collection changes.
/// </summary>
public sealed class LocalEmbeddingGenerator(int dimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "local";
    private const float TermWeight = 1f;
    private const float PairWeight = 0.5f;
    private const float TrigramWeight = 0.2f;

    private readonly EmbeddingGeneratorMetadata _metadata = new("llmlab-local", null, ModelName, dimensions);

    public int Dimensions => dimensions;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelName, CreatedAt = null });
        }
        return Task.FromResult(embeddings);
    }

    public float[] Embed(string text)
    {
        var features = new Dictionary<string, (float Weight, int Count)>(StringComparer.Ordinal);
        var terms = Terms.Of(text);
        for (var i = 0; i < terms.Count; i++)
        {
            Count(features, "t:" + terms[i], TermWeight);
            if (i + 1 < terms.Count) Count(features, $"p:{terms[i]} {terms[i + 1]}", PairWeight);
            var padded = $"^{terms[i]}$";
            for (var j = 0; j + 3 <= padded.Length; j++) Count(features, string.Concat("c:", padded.AsSpan(j, 3)), TrigramWeight);
        }
        var vector = new float[dimensions];
        foreach (var (feature, (weight, count)) in features) IndexVectors.Add(vector, feature, weight * (1 + MathF.Log(count)));
        VectorCodec.Normalise(vector);
        return vector;
    }

    private static void Count(Dictionary<string, (float Weight, int Count)> features, string feature, float weight)
    {
        features.TryGetValue(feature, out var current);
        features[feature] = (weight, current.Count + 1);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
