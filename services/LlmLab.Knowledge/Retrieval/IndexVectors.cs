namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Random indexing's index vectors: each feature (a term, a term pair, a trigram) has a fixed sparse ±1 vector of
/// <see cref="NonZeros"/> entries derived from a stable hash, the same in every process and release.
/// </summary>
public static class IndexVectors
{
    public const int NonZeros = 6;

    /// <summary>Adds <paramref name="weight"/> × the feature's index vector to <paramref name="vector"/>.</summary>
    public static void Add(Span<float> vector, string feature, float weight)
    {
        var state = StableHash.Of(feature);
        for (var k = 0; k < NonZeros; k++)
        {
            var bits = StableHash.Next(ref state);
            vector[(int)(bits % (ulong)vector.Length)] += (bits >> 63) == 0 ? weight : -weight;
        }
    }
}
