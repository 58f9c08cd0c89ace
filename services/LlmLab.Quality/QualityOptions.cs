using LlmLab.Quality.Metrics;

namespace LlmLab.Quality;

/// <summary>Configuration section "Quality".</summary>
public sealed class QualityOptions
{
    /// <summary>Weights of the overall score; empty: <see cref="OverallScore.DefaultWeights"/>.</summary>
    public Dictionary<string, double> Weights { get; set; } = new(OverallScore.DefaultWeights, StringComparer.Ordinal);
}
