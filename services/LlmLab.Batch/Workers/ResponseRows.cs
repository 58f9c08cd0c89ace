using System.Text.Json;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Workers;

/// <summary>
/// Inserts a chunk's responses and their metrics in one statement per table. Through EF Core each row was an INSERT of
/// its own (16 per table per chunk), and building and tracking them cost the worker more than the calls did.
/// </summary>
public static class ResponseRows
{
    public static async Task InsertAsync(BatchDbContext db, IReadOnlyList<StoredResponse> responses, CancellationToken ct)
    {
        await new UnnestInsert("responses")
            .Column("id", responses.Select(r => r.Id))
            .Column("work_item_id", responses.Select(r => r.WorkItemId))
            .Column("run_id", responses.Select(r => r.RunId))
            .Column("experiment_id", responses.Select(r => r.ExperimentId))
            .Column("tenant_id", responses.Select(r => r.TenantId))
            .Column("content", responses.Select(r => r.Content))
            .Column("temperature", responses.Select(r => r.Temperature))
            .Column("top_p", responses.Select(r => r.TopP))
            .Column("frequency_penalty", responses.Select(r => r.FrequencyPenalty))
            .Column("presence_penalty", responses.Select(r => r.PresencePenalty))
            .Column("max_tokens", responses.Select(r => r.MaxTokens))
            .Column("seed", responses.Select(r => r.Seed))
            .Column("provider", responses.Select(r => r.Provider))
            .Column("model", responses.Select(r => r.Model))
            .Column("finish_reason", responses.Select(r => r.FinishReason))
            .Column("prompt_tokens", responses.Select(r => r.PromptTokens))
            .Column("completion_tokens", responses.Select(r => r.CompletionTokens))
            .Column("total_tokens", responses.Select(r => r.TotalTokens))
            .Column("response_time_ms", responses.Select(r => r.ResponseTimeMs))
            .Column("cost_usd", responses.Select(r => r.CostUsd))
            .Column("error_message", responses.Select(r => r.ErrorMessage))
            .Column("created_at", responses.Select(r => r.CreatedAt))
            .ExecuteAsync(db, ct);
        var metrics = responses.Select(r => r.Metrics).OfType<ResponseMetrics>().ToList();
        if (metrics.Count == 0) return;
        await new UnnestInsert("response_metrics")
            .Column("response_id", metrics.Select(m => m.ResponseId))
            .Column("coherence_score", metrics.Select(m => m.CoherenceScore))
            .Column("completeness_score", metrics.Select(m => m.CompletenessScore))
            .Column("readability_score", metrics.Select(m => m.ReadabilityScore))
            .Column("length_appropriateness_score", metrics.Select(m => m.LengthAppropriatenessScore))
            .Column("creativity_score", metrics.Select(m => m.CreativityScore))
            .Column("specificity_score", metrics.Select(m => m.SpecificityScore))
            .Column("relevance_score", metrics.Select(m => m.RelevanceScore))
            .Column("overall_score", metrics.Select(m => m.OverallScore))
            .Column("confidence_score", metrics.Select(m => m.ConfidenceScore))
            .Column("word_count", metrics.Select(m => m.WordCount))
            .Column("sentence_count", metrics.Select(m => m.SentenceCount))
            // The same JSON the context's value converter writes (JsonMapColumn), so EF reads these rows as its own.
            .Json("all", metrics.Select(m => JsonSerializer.Serialize(m.All)))
            .Json("errors", metrics.Select(m => JsonSerializer.Serialize(m.Errors)))
            .Json("details", metrics.Select(m => JsonSerializer.Serialize(m.Details)))
            .Column("analysis_version", metrics.Select(m => m.AnalysisVersion))
            .ExecuteAsync(db, ct);
    }
}
