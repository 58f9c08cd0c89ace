namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// The built-in reranker: orders candidates by how much of the query they contain (the share of its distinct terms,
/// weight 0.7) and how close together those terms stand (matched terms over the shortest window holding them all,
/// weight 0.3). Ties keep the retriever's order.
/// </summary>
public static class LexicalReranker
{
    public static IReadOnlyList<ScoredChunk> Rerank(string query, IReadOnlyList<(Guid ChunkId, string Text)> candidates)
    {
        var wanted = Terms.Of(query).ToHashSet(StringComparer.Ordinal);
        return candidates
            .Select((c, order) => (c.ChunkId, Score: Score(wanted, Terms.Of(c.Text)), order))
            .OrderByDescending(c => c.Score).ThenBy(c => c.order)
            .Select(c => new ScoredChunk(c.ChunkId, c.Score)).ToList();
    }

    public static double Score(IReadOnlySet<string> wanted, IReadOnlyList<string> terms)
    {
        if (wanted.Count == 0 || terms.Count == 0) return 0;
        var matched = terms.Where(wanted.Contains).Distinct(StringComparer.Ordinal).Count();
        if (matched == 0) return 0;
        var coverage = (double)matched / wanted.Count;
        return 0.7 * coverage + 0.3 * matched / ShortestWindow(wanted, terms, matched);
    }

    /// <summary>The fewest consecutive terms that contain every matched query term (sliding window).</summary>
    private static int ShortestWindow(IReadOnlySet<string> wanted, IReadOnlyList<string> terms, int matched)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = int.MaxValue;
        var left = 0;
        for (var right = 0; right < terms.Count; right++)
        {
            if (!wanted.Contains(terms[right])) continue;
            counts[terms[right]] = counts.GetValueOrDefault(terms[right]) + 1;
            while (counts.Count == matched)
            {
                best = Math.Min(best, right - left + 1);
                if (wanted.Contains(terms[left]) && --counts[terms[left]] == 0) counts.Remove(terms[left]);
                left++;
            }
        }
        return best;
    }
}
