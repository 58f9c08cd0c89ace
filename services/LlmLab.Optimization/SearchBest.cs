namespace LlmLab.Optimization;

/// <summary>A configuration's mean overall score over its successful calls.</summary>
public sealed record BestConfiguration(int Configuration, double Score, int Count);

/// <summary>
/// The best configuration as the analytics' optimal parameters define it: the highest mean overall score. Ties go to
/// the configuration measured more often, then to the lower grid index, so the answer is deterministic.
/// </summary>
public static class SearchBest
{
    public static BestConfiguration? Of(IReadOnlyDictionary<int, ConfigurationResult> results) => results
        .Where(r => r.Value.Scores.Count > 0)
        .Select(r => new BestConfiguration(r.Key, r.Value.Mean!.Value, r.Value.Scores.Count))
        .OrderByDescending(b => b.Score).ThenByDescending(b => b.Count).ThenBy(b => b.Configuration)
        .FirstOrDefault();

    /// <summary>The configurations ranked best first by mean (those without a score last).</summary>
    public static IEnumerable<int> Ranked(IEnumerable<int> configurations, SearchProgress progress) => configurations
        .OrderByDescending(c => progress.MeanOf(c) ?? double.NegativeInfinity)
        .ThenByDescending(progress.CallsOf)
        .ThenBy(c => c);
}
