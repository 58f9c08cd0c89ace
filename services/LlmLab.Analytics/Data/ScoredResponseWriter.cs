using System.Text.Json;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Rollups;
using LlmLab.Analytics.TenantData;
using LlmLab.ServiceKit;
using LlmLab.Contracts.Messages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LlmLab.Analytics.Data;

/// <summary>Writes ResponseScored events into scored_responses: one at a time, or a chunk per statement.</summary>
public static class ScoredResponseWriter
{
    private const string Columns = """
        response_id, message_id, run_id, experiment_id, tenant_id, provider, model, temperature, top_p, max_tokens, frequency_penalty,
        presence_penalty, prompt_tokens, completion_tokens, response_time_ms, cost_usd, overall_score, coherence_score, completeness_score,
        readability_score, length_appropriateness_score, creativity_score, specificity_score, relevance_score, item_key, metrics,
        analysis_version, created_at, item_identity
        """;

    public static Task InsertAsync(AnalyticsDbContext db, ResponseScored m, Guid messageId, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            // The writer lock first, in a statement of its own: the insert's snapshot then sees an erasure that held it.
            await db.Database.ExecuteSqlRawAsync(RollupSchema.WriterLock("@tenant", exclusive: false), [new NpgsqlParameter("tenant", m.TenantId)], token);
            var values = Values(m, messageId);
            var parameters = values.Select((v, i) => new NpgsqlParameter($"p{i}", v.Type) { Value = v.Value ?? DBNull.Value }).ToArray();
            var sql = $"""
                INSERT INTO scored_responses ({Columns})
                SELECT {string.Join(", ", parameters.Select(p => "@" + p.ParameterName))}
                WHERE NOT {ErasureFence.Erased("@p4", "@p2")}
                ON CONFLICT DO NOTHING
                """;
            return await db.Database.ExecuteSqlRawAsync(sql, parameters, token);
        }, ct);

    /// <summary>
    /// Inserts events (one tenant's: a chunk, or a rebuild's page) not yet held, and not of an erased run, in one statement, in the caller's
    /// transaction: each column is sent as one array parameter and unnested on the server. A temporary table per chunk
    /// (COPY, then INSERT … SELECT) cost PostgreSQL more than the rows themselves: every CREATE TEMP TABLE writes and
    /// later vacuums catalog rows.
    /// </summary>
    public static async Task<int> BulkInsertAsync(NpgsqlConnection connection, IReadOnlyList<ResponseScored> events, CancellationToken ct)
    {
        if (events.Count == 0) return 0;
        // Tenants in one order, so two writers never take each other's locks crosswise.
        await using (var writerLock = new NpgsqlCommand(
            $"{RollupSchema.WriterLock("t", exclusive: false)} FROM (SELECT DISTINCT unnest(@tenants) AS t ORDER BY t) AS tenants", connection))
        {
            writerLock.Parameters.AddWithValue("tenants", events.Select(e => e.TenantId).Distinct().ToArray());
            await writerLock.PrepareAsync(ct);
            await writerLock.ExecuteNonQueryAsync(ct);
        }
        var rows = events.Select(m => Values(m, m.ResponseId)).ToList();
        await using var insert = new NpgsqlCommand { Connection = connection };
        var columns = rows[0].Count;
        for (var c = 0; c < columns; c++)
        {
            var type = rows[0][c].Type;
            insert.Parameters.Add(new NpgsqlParameter($"c{c}", NpgsqlDbType.Array | type) { Value = ColumnArray(rows, c, type) });
        }
        insert.CommandText = $"""
            INSERT INTO scored_responses ({Columns})
            SELECT * FROM unnest({string.Join(", ", Enumerable.Range(0, columns).Select(c => "@c" + c))}) AS u({Columns})
            WHERE NOT {ErasureFence.Erased("u.tenant_id", "u.run_id")}
            ON CONFLICT DO NOTHING
            """;
        // Prepared once per connection (Npgsql keeps it): PostgreSQL no longer parses and plans this long statement for
        // every chunk. Only the writer's statements are prepared; the views' plans follow each tenant's own data.
        await insert.PrepareAsync(ct);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One column of every row as a typed array (Npgsql writes arrays of the CLR type that matches the column).</summary>
    private static Array ColumnArray(List<List<(object? Value, NpgsqlDbType Type)>> rows, int column, NpgsqlDbType type)
    {
        T?[] Of<T>() where T : struct => rows.Select(r => (T?)r[column].Value).ToArray();
        return type switch
        {
            NpgsqlDbType.Uuid => Of<Guid>(),
            NpgsqlDbType.Double => Of<double>(),
            NpgsqlDbType.Integer => Of<int>(),
            // Values() hands timestamps over as UTC DateTimeOffsets; an array of timestamptz is written from UTC DateTimes.
            NpgsqlDbType.TimestampTz => rows.Select(r => r[column].Value is DateTimeOffset t ? t.UtcDateTime : (DateTime?)null).ToArray(),
            _ => rows.Select(r => (string?)r[column].Value).ToArray(),
        };
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
