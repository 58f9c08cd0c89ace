namespace LlmLab.Analytics.Domain;

/// <summary>
/// The scores stored in their own columns, so aggregates over millions of rows read plain float8s. The names are
/// both the metric names of the API and the column names, and come only from this list, so they are safe in SQL.
/// </summary>
public static class ScoreColumns
{
    public const string Overall = "overall_score";

    public static readonly IReadOnlyList<string> All =
    [
        Overall, "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score",
        "creativity_score", "specificity_score", "relevance_score",
    ];

    /// <summary>The numeric parameters a grid sweeps, as columns.</summary>
    public static readonly IReadOnlyList<string> NumericParameters = ["temperature", "top_p", "frequency_penalty", "presence_penalty", "max_tokens"];

    public static bool IsScore(string? name) => name is not null && All.Contains(name);
}
