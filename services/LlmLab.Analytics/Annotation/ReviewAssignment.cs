namespace LlmLab.Analytics.Annotation;

/// <summary>
/// Which responses a queue covers and who reviews each: a seeded sample (kept in the run's order), then round-robin —
/// response i goes to reviewers (i·k + j) mod R for j &lt; k, so every response gets k different reviewers and every
/// reviewer's load differs from another's by at most one.
/// </summary>
public static class ReviewAssignment
{
    public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> responses, int? sampleSize, int seed)
    {
        if (sampleSize is not { } n || n >= responses.Count) return responses;
        var random = new Random(seed);
        var indexes = Enumerable.Range(0, responses.Count).ToArray();
        random.Shuffle(indexes);
        return indexes.Take(n).Order().Select(i => responses[i]).ToList();
    }

    /// <summary>(response position, reviewer) pairs; <paramref name="perResponse"/> must be from 1 to the number of reviewers.</summary>
    public static IEnumerable<(int Position, string Reviewer)> Deal(int responses, IReadOnlyList<string> reviewers, int perResponse)
    {
        if (reviewers.Count == 0) throw new ArgumentException("at least one reviewer is needed.", nameof(reviewers));
        if (perResponse < 1 || perResponse > reviewers.Count) throw new ArgumentOutOfRangeException(nameof(perResponse));
        for (var i = 0; i < responses; i++)
        {
            for (var j = 0; j < perResponse; j++) yield return (i, reviewers[(int)(((long)i * perResponse + j) % reviewers.Count)]);
        }
    }
}
