namespace LlmLab.Quality.Metrics;

/// <summary>
/// The weighted mean of the 0–100 quality scores (weights from configuration or the request; absent metrics drop
/// out), and a confidence that falls for short texts (× words/50 below 50 words) and for disagreeing metrics
/// (× 1 − min(0.5, standard deviation / 100)).
/// </summary>
public static class OverallScore
{
    public static readonly IReadOnlyDictionary<string, double> DefaultWeights = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["coherence_score"] = 0.2,
        ["completeness_score"] = 0.2,
        ["relevance_score"] = 0.2,
        ["readability_score"] = 0.1,
        ["length_appropriateness_score"] = 0.1,
        ["creativity_score"] = 0.1,
        ["specificity_score"] = 0.1,
    };

    public static IReadOnlySet<string> WeightableMetrics { get; } = DefaultWeights.Keys.Append("repetition_score").ToHashSet(StringComparer.Ordinal);

    public static double Weighted(IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, double> weights)
    {
        double sum = 0, weight = 0;
        foreach (var (name, w) in weights)
        {
            if (w <= 0 || !metrics.TryGetValue(name, out var value)) continue;
            sum += w * value;
            weight += w;
        }
        return weight == 0 ? 0 : Math.Round(sum / weight, 2);
    }

    public static double Confidence(int words, IEnumerable<double> scores)
    {
        var values = scores.ToList();
        if (words == 0 || values.Count == 0) return 0;
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return Math.Round(100 * Math.Min(1, words / 50.0) * (1 - Math.Min(0.5, std / 100)), 2);
    }
}
