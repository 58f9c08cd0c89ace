using LlmLab.Batch.Domain;
using LlmLab.ServiceKit.Export;

namespace LlmLab.Batch.Export;

/// <summary>Every field a response export can carry, in the default order, with how to read it from a stored response.</summary>
public static class ResponseColumns
{
    public sealed record Column(ExportColumn Definition, Func<StoredResponse, object?> Read);

    private static Column C(string name, ColumnKind kind, Func<StoredResponse, object?> read) => new(new ExportColumn(name, kind), read);

    public static readonly IReadOnlyList<Column> All =
    [
        C("response_id", ColumnKind.Text, r => r.Id == Guid.Empty ? null : r.Id), C("run_id", ColumnKind.Text, r => r.RunId), C("experiment_id", ColumnKind.Text, r => r.ExperimentId),
        C("temperature", ColumnKind.Number, r => r.Temperature), C("top_p", ColumnKind.Number, r => r.TopP),
        C("frequency_penalty", ColumnKind.Number, r => r.FrequencyPenalty), C("presence_penalty", ColumnKind.Number, r => r.PresencePenalty),
        C("max_tokens", ColumnKind.WholeNumber, r => r.MaxTokens), C("seed", ColumnKind.WholeNumber, r => r.Seed),
        C("provider", ColumnKind.Text, r => r.Provider), C("model", ColumnKind.Text, r => r.Model), C("finish_reason", ColumnKind.Text, r => r.FinishReason),
        C("prompt_tokens", ColumnKind.WholeNumber, r => r.PromptTokens), C("completion_tokens", ColumnKind.WholeNumber, r => r.CompletionTokens),
        C("total_tokens", ColumnKind.WholeNumber, r => r.TotalTokens), C("response_time_ms", ColumnKind.Number, r => r.ResponseTimeMs),
        C("cost_usd", ColumnKind.Number, r => r.CostUsd), C("created_at", ColumnKind.Timestamp, r => r.CreatedAt),
        C("overall_score", ColumnKind.Number, r => r.Metrics?.OverallScore), C("coherence_score", ColumnKind.Number, r => r.Metrics?.CoherenceScore),
        C("completeness_score", ColumnKind.Number, r => r.Metrics?.CompletenessScore), C("readability_score", ColumnKind.Number, r => r.Metrics?.ReadabilityScore),
        C("length_appropriateness_score", ColumnKind.Number, r => r.Metrics?.LengthAppropriatenessScore),
        C("creativity_score", ColumnKind.Number, r => r.Metrics?.CreativityScore), C("specificity_score", ColumnKind.Number, r => r.Metrics?.SpecificityScore),
        C("relevance_score", ColumnKind.Number, r => r.Metrics?.RelevanceScore), C("confidence_score", ColumnKind.Number, r => r.Metrics?.ConfidenceScore),
        C("word_count", ColumnKind.WholeNumber, r => r.Metrics?.WordCount), C("sentence_count", ColumnKind.WholeNumber, r => r.Metrics?.SentenceCount),
        C("analysis_version", ColumnKind.Text, r => r.Metrics?.AnalysisVersion), C("content", ColumnKind.UserText, r => r.Content),
        C("error_kind", ColumnKind.Text, r => r.ErrorKind), C("error_message", ColumnKind.UserText, r => r.ErrorMessage),
    ];

    /// <summary>Whether the columns show why calls failed; such an export also carries a row per failed item.</summary>
    public static bool ShowFailures(IReadOnlyList<Column> columns) => columns.Any(c => c.Definition.Name is "error_kind" or "error_message");

    public static readonly IReadOnlySet<string> Names = All.Select(c => c.Definition.Name).ToHashSet();

    /// <summary>The named columns in the order asked, or all of them when none are named.</summary>
    public static IReadOnlyList<Column> Select(IReadOnlyList<string>? names) =>
        names is null || names.Count == 0 ? All : names.Select(n => All.Single(c => c.Definition.Name == n)).ToList();
}
