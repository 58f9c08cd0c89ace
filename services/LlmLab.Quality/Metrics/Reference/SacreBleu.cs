namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// BLEU as sacreBLEU 2.x computes it with its defaults: 13a tokens, case kept, n ≤ 4, clipping by the maximum count
/// of each n-gram over all references jointly, the reference length closest to the hypothesis (the shorter on a tie),
/// "exp" smoothing (the k-th order without a match counts 1/(2^k·total)). <see cref="Sentence"/> is
/// <c>sentence_bleu</c> (effective order on), <see cref="Corpus"/> is <c>corpus_bleu</c> (sums every segment's
/// statistics; effective order off). Scores are 0..100 like sacreBLEU's.
/// </summary>
public static class SacreBleu
{
    public const int MaxOrder = 4;

    /// <summary>Sufficient statistics of one segment or a summed corpus.</summary>
    public sealed class Statistics
    {
        public long HypothesisLength { get; set; }
        public long ReferenceLength { get; set; }
        public long[] Correct { get; } = new long[MaxOrder];
        public long[] Total { get; } = new long[MaxOrder];

        public void Add(Statistics other)
        {
            HypothesisLength += other.HypothesisLength;
            ReferenceLength += other.ReferenceLength;
            for (var n = 0; n < MaxOrder; n++)
            {
                Correct[n] += other.Correct[n];
                Total[n] += other.Total[n];
            }
        }
    }

    /// <summary>sentence_bleu(hypothesis, references): empty ("") references are dropped as sacreBLEU drops them.</summary>
    public static double Sentence(string hypothesis, IReadOnlyList<string> references) =>
        Score(SegmentStatistics(Tokenizer13a.Tokenize(hypothesis), TokenizeReferences(references)), effectiveOrder: true);

    /// <summary>corpus_bleu(hypotheses, references): references[i] are segment i's references (any number, at least one non-empty).</summary>
    public static double Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references) =>
        CorpusDetailed(hypotheses, references).Score;

    public static CorpusBleuResult CorpusDetailed(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references)
    {
        if (hypotheses.Count != references.Count) throw new ArgumentException("One list of references per hypothesis.", nameof(references));
        var sum = new Statistics();
        for (var i = 0; i < hypotheses.Count; i++)
            sum.Add(SegmentStatistics(Tokenizer13a.Tokenize(hypotheses[i]), TokenizeReferences(references[i])));
        var score = Score(sum, effectiveOrder: false, out var precisions, out var brevity);
        return new CorpusBleuResult(score, sum.Correct.ToArray(), sum.Total.ToArray(), precisions, brevity, sum.HypothesisLength,
            sum.ReferenceLength, CorpusBleuResult.SignatureOfSettings);
    }

    public static List<List<string>> TokenizeReferences(IReadOnlyList<string> references)
    {
        var tokenized = new List<List<string>>(references.Count);
        foreach (var reference in references)
        {
            if (reference.Length > 0) tokenized.Add(Tokenizer13a.Tokenize(reference));
        }
        if (tokenized.Count == 0) throw new ArgumentException("At least one non-empty reference is needed.", nameof(references));
        return tokenized;
    }

    public static Statistics SegmentStatistics(IReadOnlyList<string> hypothesis, IReadOnlyList<List<string>> references)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var hypothesisIds = Ids(hypothesis, ids);
        var referenceCounts = new Dictionary<(int, int, int, int), int>();
        var stats = new Statistics { HypothesisLength = hypothesis.Count };
        var closestDiff = -1L;
        var closestLength = -1L;
        foreach (var reference in references)
        {
            long length = reference.Count;
            var diff = Math.Abs(hypothesis.Count - length);
            if (closestDiff == -1 || diff < closestDiff) (closestDiff, closestLength) = (diff, length);
            else if (diff == closestDiff && length < closestLength) closestLength = length;

            foreach (var (gram, count) in Count(Ids(reference, ids)))
            {
                if (count > referenceCounts.GetValueOrDefault(gram)) referenceCounts[gram] = count;
            }
        }
        stats.ReferenceLength = closestLength;
        foreach (var (gram, count) in Count(hypothesisIds))
        {
            var order = Order(gram);
            stats.Total[order - 1] += count;
            if (referenceCounts.TryGetValue(gram, out var available)) stats.Correct[order - 1] += Math.Min(count, available);
        }
        return stats;
    }

    /// <summary>compute_bleu with smooth_method "exp"; the operations are sacreBLEU's, in its order, so results agree to the last bits.</summary>
    public static double Score(Statistics stats, bool effectiveOrder) => Score(stats, effectiveOrder, out _, out _);

    public static double Score(Statistics stats, bool effectiveOrder, out double[] precisions, out double brevity)
    {
        double sysLength = stats.HypothesisLength, refLength = stats.ReferenceLength;
        brevity = sysLength < refLength ? (sysLength > 0 ? Math.Exp(1 - refLength / sysLength) : 0.0) : 1.0;
        precisions = new double[MaxOrder];
        if (stats.Correct.All(c => c == 0)) return 0.0;

        var smooth = 1.0;
        var order = MaxOrder;
        for (var n = 1; n <= MaxOrder; n++)
        {
            if (stats.Total[n - 1] == 0) break;
            if (effectiveOrder) order = n;
            if (stats.Correct[n - 1] == 0)
            {
                smooth *= 2;
                precisions[n - 1] = 100.0 / (smooth * stats.Total[n - 1]);
            }
            else precisions[n - 1] = 100.0 * stats.Correct[n - 1] / stats.Total[n - 1];
        }
        var logSum = 0.0;
        for (var n = 0; n < order; n++) logSum += precisions[n] == 0.0 ? -9999999999 : Math.Log(precisions[n]);
        return brevity * Math.Exp(logSum / order);
    }

    private static int[] Ids(IReadOnlyList<string> tokens, Dictionary<string, int> ids)
    {
        var result = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ids.TryGetValue(tokens[i], out var id)) ids[tokens[i]] = id = ids.Count;
            result[i] = id;
        }
        return result;
    }

    // An n-gram as up to four token ids, -1 padding the unused places.
    private static Dictionary<(int, int, int, int), int> Count(int[] ids)
    {
        var counts = new Dictionary<(int, int, int, int), int>(ids.Length * MaxOrder);
        for (var i = 0; i < ids.Length; i++)
        {
            for (var n = 1; n <= MaxOrder && i + n <= ids.Length; n++)
            {
                var gram = (ids[i], n > 1 ? ids[i + 1] : -1, n > 2 ? ids[i + 2] : -1, n > 3 ? ids[i + 3] : -1);
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
        }
        return counts;
    }

    private static int Order((int, int, int, int) gram) => gram.Item4 >= 0 ? 4 : gram.Item3 >= 0 ? 3 : gram.Item2 >= 0 ? 2 : 1;
}
