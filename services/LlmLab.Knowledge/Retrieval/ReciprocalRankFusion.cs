namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): an item's score is Σ 1 / (k + rank) over the rankings it appears in
/// (rank from 1), so agreement between retrievers counts and their score scales need not be comparable.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<ScoredChunk> Fuse(IEnumerable<IReadOnlyList<ScoredChunk>> rankings, int k = DefaultK)
    {
        var scores = new Dictionary<Guid, double>();
        var firstSeen = new Dictionary<Guid, int>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var id = ranking[rank].ChunkId;
                scores[id] = scores.GetValueOrDefault(id) + 1.0 / (k + rank + 1);
                firstSeen.TryAdd(id, firstSeen.Count);
            }
        }
        return scores.OrderByDescending(s => s.Value).ThenBy(s => firstSeen[s.Key])
            .Select(s => new ScoredChunk(s.Key, s.Value)).ToList();
    }
}
