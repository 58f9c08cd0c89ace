using System.Linq.Expressions;
using LlmLab.Batch.Domain;

namespace LlmLab.Batch.Analysis;

/// <summary>The columns a run's response table sorts by, each with the stored value it reads; a missing score sorts last either way.</summary>
public static class ResponseOrdering
{
    private static readonly Dictionary<string, Expression<Func<StoredResponse, double?>>> Keys = new(StringComparer.Ordinal)
    {
        ["temperature"] = r => r.Temperature,
        ["top_p"] = r => r.TopP,
        ["max_tokens"] = r => r.MaxTokens,
        ["frequency_penalty"] = r => r.FrequencyPenalty,
        ["presence_penalty"] = r => r.PresencePenalty,
        ["response_time_ms"] = r => r.ResponseTimeMs,
        ["total_tokens"] = r => r.TotalTokens,
        ["overall_score"] = r => r.Metrics!.OverallScore,
        ["coherence_score"] = r => r.Metrics!.CoherenceScore,
        ["completeness_score"] = r => r.Metrics!.CompletenessScore,
        ["readability_score"] = r => r.Metrics!.ReadabilityScore,
        ["length_appropriateness_score"] = r => r.Metrics!.LengthAppropriatenessScore,
        ["creativity_score"] = r => r.Metrics!.CreativityScore,
        ["specificity_score"] = r => r.Metrics!.SpecificityScore,
        ["relevance_score"] = r => r.Metrics!.RelevanceScore,
    };

    public static IReadOnlyCollection<string> Names => Keys.Keys;

    public static bool Knows(string name) => Keys.ContainsKey(name);

    /// <summary>Ordered by the column (nulls last), then by creation and id so that pages never overlap.</summary>
    public static IQueryable<StoredResponse> Apply(IQueryable<StoredResponse> query, string? sort, bool descending)
    {
        if (sort is null || !Keys.TryGetValue(sort, out var key)) return query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        var missing = Expression.Lambda<Func<StoredResponse, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(double?))), key.Parameters);
        var nullsLast = query.OrderBy(missing);
        var ordered = descending ? nullsLast.ThenByDescending(key) : nullsLast.ThenBy(key);
        return ordered.ThenBy(r => r.CreatedAt).ThenBy(r => r.Id);
    }
}
