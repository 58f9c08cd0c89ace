using System.Globalization;
using System.Text.Json;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Export;

/// <summary>
/// Streams responses with their metrics as CSV or JSON straight from the database cursor to the response body, so
/// memory stays flat however many rows there are.
/// </summary>
public sealed class ResponseExporter(BatchDbContext db)
{
    private static readonly string[] Columns =
    [
        "response_id", "run_id", "experiment_id", "temperature", "top_p", "frequency_penalty", "presence_penalty", "max_tokens", "seed",
        "provider", "model", "finish_reason", "prompt_tokens", "completion_tokens", "total_tokens", "response_time_ms", "cost_usd", "created_at",
        "overall_score", "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score", "creativity_score",
        "specificity_score", "relevance_score", "confidence_score", "word_count", "sentence_count", "analysis_version", "content",
    ];

    private IAsyncEnumerable<StoredResponse> Rows(IQueryable<StoredResponse> query) =>
        query.AsNoTracking().Include(r => r.Metrics).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).AsAsyncEnumerable();

    public IQueryable<StoredResponse> OfExperiment(string tenantId, Guid experimentId) => db.Responses.Where(r => r.TenantId == tenantId && r.ExperimentId == experimentId);

    public IQueryable<StoredResponse> OfRun(string tenantId, Guid runId) => db.Responses.Where(r => r.TenantId == tenantId && r.RunId == runId);

    public async Task WriteCsvAsync(IQueryable<StoredResponse> query, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, leaveOpen: true) { AutoFlush = false };
        await writer.WriteAsync(Csv.Line(Columns));
        var count = 0;
        await foreach (var r in Rows(query).WithCancellation(ct))
        {
            var m = r.Metrics;
            await writer.WriteAsync(Csv.Line(
            [
                r.Id.ToString(), r.RunId.ToString(), r.ExperimentId.ToString(), Csv.Field(r.Temperature), Csv.Field(r.TopP), Csv.Field(r.FrequencyPenalty),
                Csv.Field(r.PresencePenalty), r.MaxTokens.ToString(CultureInfo.InvariantCulture), r.Seed.ToString(CultureInfo.InvariantCulture),
                Csv.Field(r.Provider), Csv.Field(r.Model), r.FinishReason, r.PromptTokens.ToString(CultureInfo.InvariantCulture),
                r.CompletionTokens.ToString(CultureInfo.InvariantCulture), r.TotalTokens.ToString(CultureInfo.InvariantCulture), Csv.Field(r.ResponseTimeMs),
                Csv.Field(r.CostUsd), r.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                Csv.Field(m?.OverallScore), Csv.Field(m?.CoherenceScore), Csv.Field(m?.CompletenessScore), Csv.Field(m?.ReadabilityScore),
                Csv.Field(m?.LengthAppropriatenessScore), Csv.Field(m?.CreativityScore), Csv.Field(m?.SpecificityScore), Csv.Field(m?.RelevanceScore),
                Csv.Field(m?.ConfidenceScore), (m?.WordCount ?? 0).ToString(CultureInfo.InvariantCulture), (m?.SentenceCount ?? 0).ToString(CultureInfo.InvariantCulture),
                Csv.Field(m?.AnalysisVersion), Csv.Field(r.Content, text: true),
            ]));
            if (++count % 1_000 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    public async Task WriteJsonAsync(IQueryable<StoredResponse> query, string scope, Guid id, Stream body, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString(scope, id);
        json.WriteStartArray("responses");
        var count = 0;
        await foreach (var r in Rows(query).WithCancellation(ct))
        {
            // SerializeToElement + WriteTo: Serialize(writer) would flush synchronously, which Kestrel forbids.
            JsonSerializer.SerializeToElement(Apis.ViewMapping.ToView(r), ServiceKit.ServiceKitExtensions.Json).WriteTo(json);
            if (++count % 500 == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteNumber("count", count);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
