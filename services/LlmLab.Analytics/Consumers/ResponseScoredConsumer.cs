using LlmLab.Analytics.Data;
using LlmLab.Analytics.Domain;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Consumers;

/// <summary>Feeds the read model. INSERT … ON CONFLICT DO NOTHING makes a redelivered event a no-op.</summary>
public sealed class ResponseScoredConsumer(AnalyticsDbContext db) : IConsumer<ResponseScored>
{
    public async Task Consume(ConsumeContext<ResponseScored> context)
    {
        var m = context.Message;
        var row = new ScoredResponse
        {
            ResponseId = m.ResponseId,
            MessageId = context.MessageId ?? m.ResponseId,
            RunId = m.RunId,
            ExperimentId = m.ExperimentId,
            TenantId = m.TenantId,
            Provider = m.Provider,
            Model = m.Model,
            Temperature = m.Temperature,
            TopP = m.TopP,
            MaxTokens = m.MaxTokens,
            FrequencyPenalty = m.FrequencyPenalty,
            PresencePenalty = m.PresencePenalty,
            PromptTokens = m.PromptTokens,
            CompletionTokens = m.CompletionTokens,
            ResponseTimeMs = m.ResponseTimeMs,
            CostUsd = m.CostUsd,
            OverallScore = m.Metrics.TryGetValue("overall_score", out var overall) ? overall : null,
            ReadabilityScore = m.Metrics.TryGetValue("readability_score", out var readability) ? readability : null,
            LengthAppropriatenessScore = m.Metrics.TryGetValue("length_appropriateness_score", out var length) ? length : null,
            Metrics = new Dictionary<string, double>(m.Metrics),
            AnalysisVersion = m.AnalysisVersion,
            CreatedAt = m.CreatedAt,
        };
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO scored_responses (response_id, message_id, run_id, experiment_id, tenant_id, provider, model, temperature, top_p,
                max_tokens, frequency_penalty, presence_penalty, prompt_tokens, completion_tokens, response_time_ms, cost_usd,
                overall_score, readability_score, length_appropriateness_score, metrics, analysis_version, created_at)
            VALUES ({row.ResponseId}, {row.MessageId}, {row.RunId}, {row.ExperimentId}, {row.TenantId}, {row.Provider}, {row.Model},
                {row.Temperature}, {row.TopP}, {row.MaxTokens}, {row.FrequencyPenalty}, {row.PresencePenalty}, {row.PromptTokens},
                {row.CompletionTokens}, {row.ResponseTimeMs}, {row.CostUsd}, {row.OverallScore}, {row.ReadabilityScore},
                {row.LengthAppropriatenessScore}, CAST({System.Text.Json.JsonSerializer.Serialize(row.Metrics)} AS jsonb), {row.AnalysisVersion}, {row.CreatedAt})
            ON CONFLICT DO NOTHING
            """, context.CancellationToken);
    }
}
