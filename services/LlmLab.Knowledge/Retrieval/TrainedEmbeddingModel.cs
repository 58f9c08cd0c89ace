namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// The built-in embedding trained on a tenant's knowledge base: random indexing with context vectors. Each term's
/// context vector is the sum of the index vectors (<see cref="IndexVectors"/>) of the terms within
/// <see cref="Window"/> positions of its occurrences in the chunks, weighted 1/distance, then normalised, so terms used
/// in the same contexts ("kitten", "cat") end up close although they share no letters. A text is the idf × log-tf
/// weighted sum of its terms' context vectors, normalised, plus the fixed local embedding of the text (which keeps
/// exact-term matches and covers words the model has not seen), normalised again.
/// Vocabulary: the <see cref="MaxTerms"/> terms found in most chunks, each in at least <see cref="MinChunkFrequency"/>.
/// </summary>
public sealed class TrainedEmbeddingModel
{
    public const int Window = 2;
    public const int MaxTerms = 20_000;
    public const int MinChunkFrequency = 2;
    private const int FormatVersion = 1;

    private readonly Dictionary<string, (float Idf, float[] Context)> _terms;
    private readonly Func<string, float[]> _fixed;

    private TrainedEmbeddingModel(int dimensions, Dictionary<string, (float Idf, float[] Context)> terms)
    {
        Dimensions = dimensions;
        _terms = terms;
        // The generator holds nothing to dispose; only its Embed is kept.
        _fixed = new LocalEmbeddingGenerator(dimensions).Embed;
    }

    public int Dimensions { get; }
    public int TermCount => _terms.Count;

    public static TrainedEmbeddingModel Fit(IReadOnlyList<string> chunks, int dimensions)
    {
        var tokenized = chunks.Select(Terms.Of).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in tokenized)
            foreach (var term in terms.Distinct())
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
        var vocabulary = frequency.Where(f => f.Value >= MinChunkFrequency)
            .OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(MaxTerms)
            .ToDictionary(f => f.Key, f => new float[dimensions], StringComparer.Ordinal);

        foreach (var terms in tokenized)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (!vocabulary.TryGetValue(terms[i], out var context)) continue;
                for (var j = Math.Max(0, i - Window); j <= Math.Min(terms.Count - 1, i + Window); j++)
                {
                    if (j != i && terms[j] != terms[i]) IndexVectors.Add(context, terms[j], 1f / Math.Abs(i - j));
                }
            }
        }
        var model = new Dictionary<string, (float, float[])>(vocabulary.Count, StringComparer.Ordinal);
        foreach (var (term, context) in vocabulary)
        {
            VectorCodec.Normalise(context);
            model[term] = ((float)Math.Log(1.0 + chunks.Count / (double)frequency[term]), context);
        }
        return new TrainedEmbeddingModel(dimensions, model);
    }

    public float[] Embed(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in Terms.Of(text)) counts[term] = counts.GetValueOrDefault(term) + 1;
        var semantic = new float[Dimensions];
        var known = false;
        foreach (var (term, count) in counts)
        {
            if (!_terms.TryGetValue(term, out var entry)) continue;
            known = true;
            var weight = entry.Idf * (1 + MathF.Log(count));
            for (var d = 0; d < Dimensions; d++) semantic[d] += weight * entry.Context[d];
        }
        var vector = _fixed(text);
        if (!known) return vector;
        VectorCodec.Normalise(semantic);
        for (var d = 0; d < Dimensions; d++) vector[d] += semantic[d];
        VectorCodec.Normalise(vector);
        return vector;
    }

    /// <summary>Cosine of two terms' context vectors (0 when either is not in the vocabulary): how alike their contexts are.</summary>
    public double Similarity(string a, string b)
    {
        var (ta, tb) = (Terms.Of(a), Terms.Of(b));
        if (ta.Count != 1 || tb.Count != 1 || !_terms.TryGetValue(ta[0], out var x) || !_terms.TryGetValue(tb[0], out var y)) return 0;
        return VectorCodec.Dot(x.Context, y.Context);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatVersion);
            writer.Write(Dimensions);
            writer.Write(_terms.Count);
            foreach (var (term, (idf, context)) in _terms.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.Write(term);
                writer.Write(idf);
                foreach (var value in context) writer.Write(value);
            }
        }
        return stream.ToArray();
    }

    public static TrainedEmbeddingModel FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        if (reader.ReadInt32() != FormatVersion) throw new InvalidDataException("unknown trained embedding format");
        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        var terms = new Dictionary<string, (float, float[])>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var term = reader.ReadString();
            var idf = reader.ReadSingle();
            var context = new float[dimensions];
            for (var d = 0; d < dimensions; d++) context[d] = reader.ReadSingle();
            terms[term] = (idf, context);
        }
        return new TrainedEmbeddingModel(dimensions, terms);
    }
}
