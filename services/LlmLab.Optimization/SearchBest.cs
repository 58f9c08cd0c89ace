namespace LlmLab.Optimization;

/// <summary>A configuration's mean overall score over its successful calls.</summary>
public sealed record BestConfiguration(int Configuration, double Score, int Count);

/// <summary>
/// The best configuration as the analytics' optimal parameters define it on a finished grid, the highest mean overall
/// score, taken among the configurations called as often as any: on a full grid that is every configuration, and in an
/// adaptive search it keeps a configuration that scored high once (by luck, as often as not) from beating one measured
/// with every repetition. Ties go to the lower grid index, so the answer is deterministic.
/// </summary>
public static class SearchBest
{
    public static BestConfiguration? Of(IReadOnlyDictionary<int, ConfigurationResult> results)
    {
        var scored = results.Where(r => r.Value.Scores.Count > 0).ToList();
        if (scored.Count == 0) return null;
        var most = scored.Max(r => r.Value.Calls);
        return scored.Where(r => r.Value.Calls == most)
        .Select(r => new BestConfiguration(r.Key, r.Value.Mean!.Value, r.Value.Scores.Count))
        .OrderByDescending(b => b.Score).ThenByDescending(b => b.Count).ThenBy(b => b.Configuration)
        .First();
    }

    /// <summary>The configurations ranked best first by mean (those without a score last).</summary>
    public static IEnumerable<int> Ranked(IEnumerable<int> configurations, SearchProgress progress) => configurations
        .OrderByDescending(c => progress.MeanOf(c) ?? double.NegativeInfinity)
        .ThenByDescending(progress.CallsOf)
        .ThenBy(c => c);
}
