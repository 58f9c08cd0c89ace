using System.Text.Json;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Rollups;
using LlmLab.Contracts.Messages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LlmLab.Analytics.Data;

/// <summary>Writes ResponseScored events into scored_responses: one at a time from the bus, or in bulk (COPY) for a rebuild.</summary>
public static class ScoredResponseWriter
{
    private const string Columns = """
        response_id, message_id, run_id, experiment_id, tenant_id, provider, model, temperature, top_p, max_tokens, frequency_penalty,
        presence_penalty, prompt_tokens, completion_tokens, response_time_ms, cost_usd, overall_score, coherence_score, completeness_score,
        readability_score, length_appropriateness_score, creativity_score, specificity_score, relevance_score, item_key, metrics,
        analysis_version, created_at, item_identity
        """;

    public static async Task InsertAsync(AnalyticsDbContext db, ResponseScored m, Guid messageId, CancellationToken ct)
    {
        var values = Values(m, messageId);
        var parameters = values.Select((v, i) => new NpgsqlParameter($"p{i}", v.Type) { Value = v.Value ?? DBNull.Value }).ToArray();
        // The writer lock is taken by the one-row subquery before the row is inserted, in the statement's own transaction.
        var sql = $"""
            INSERT INTO scored_responses ({Columns})
            SELECT {string.Join(", ", parameters.Select(p => "@" + p.ParameterName))} FROM ({RollupSchema.WriterLock("@p4", exclusive: false)}) AS writer_lock
            ON CONFLICT DO NOTHING
            """;
        await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    /// <summary>Copies events (one tenant's: a chunk, or a rebuild's page) into a temporary table and inserts those not yet held, in the caller's transaction.</summary>
    public static async Task<int> BulkInsertAsync(NpgsqlConnection connection, IReadOnlyList<ResponseScored> events, CancellationToken ct)
    {
        // Tenants in one order, so two writers never take each other's locks crosswise.
        await using (var writerLock = new NpgsqlCommand(
            $"{RollupSchema.WriterLock("t", exclusive: false)} FROM (SELECT DISTINCT unnest(@tenants) AS t ORDER BY t) AS tenants", connection))
        {
            writerLock.Parameters.AddWithValue("tenants", events.Select(e => e.TenantId).Distinct().ToArray());
            await writerLock.ExecuteNonQueryAsync(ct);
        }
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS scored_import (LIKE scored_responses INCLUDING DEFAULTS) ON COMMIT DROP; TRUNCATE scored_import", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY scored_import ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var m in events)
            {
                await writer.StartRowAsync(ct);
                foreach (var (value, type) in Values(m, m.ResponseId))
                {
                    if (value is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(value, type, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        await using var insert = new NpgsqlCommand($"INSERT INTO scored_responses ({Columns}) SELECT {Columns} FROM scored_import ON CONFLICT DO NOTHING", connection);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    private static List<(object? Value, NpgsqlDbType Type)> Values(ResponseScored m, Guid messageId)
    {
        var values = new List<(object?, NpgsqlDbType)>
        {
            (m.ResponseId, NpgsqlDbType.Uuid), (messageId, NpgsqlDbType.Uuid), (m.RunId, NpgsqlDbType.Uuid), (m.ExperimentId, NpgsqlDbType.Uuid),
            (m.TenantId, NpgsqlDbType.Text), (m.Provider, NpgsqlDbType.Text), (m.Model, NpgsqlDbType.Text), (m.Temperature, NpgsqlDbType.Double),
            (m.TopP, NpgsqlDbType.Double), (m.MaxTokens, NpgsqlDbType.Integer), (m.FrequencyPenalty, NpgsqlDbType.Double),
            (m.PresencePenalty, NpgsqlDbType.Double), (m.PromptTokens, NpgsqlDbType.Integer), (m.CompletionTokens, NpgsqlDbType.Integer),
            (m.ResponseTimeMs, NpgsqlDbType.Double), (m.CostUsd, NpgsqlDbType.Double),
        };
        values.AddRange(ScoreColumns.All.Select(s => ((object?)(m.Metrics.TryGetValue(s, out var v) ? v : null), NpgsqlDbType.Double)));
        values.Add((m.ItemKey, NpgsqlDbType.Text));
        values.Add((JsonSerializer.Serialize(m.Metrics), NpgsqlDbType.Jsonb));
        values.Add((m.AnalysisVersion, NpgsqlDbType.Text));
        values.Add((m.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        values.Add((m.ItemIdentity, NpgsqlDbType.Text));
        return values;
    }
}
