using System.Text.Json;
using LlmLab.Analytics.Queries;
using NpgsqlTypes;

namespace LlmLab.Analytics.Feedback;

/// <summary>The responses people scored, each with its automatic metrics and people's mean score; of a run, an experiment or the whole tenant.</summary>
public static class ScoredFeedback
{
    public static Task<List<(Guid ResponseId, Dictionary<string, double> Metrics, double People)>> ReadAsync(AnalyticsSql sql, string tenant,
        Guid? runId, Guid? experimentId, CancellationToken ct) =>
        sql.QueryAsync(c =>
        {
            c.Parameters.AddWithValue("tenant", tenant);
            c.Parameters.AddWithValue("run", (object?)runId ?? DBNull.Value).NpgsqlDbType = NpgsqlDbType.Uuid;
            c.Parameters.AddWithValue("experiment", (object?)experimentId ?? DBNull.Value).NpgsqlDbType = NpgsqlDbType.Uuid;
            return """
                SELECT s.response_id, s.metrics::text, f.score
                FROM scored_responses s
                JOIN (SELECT response_id, avg(score)::float8 AS score FROM response_feedback WHERE tenant_id = @tenant GROUP BY response_id) f
                  ON f.response_id = s.response_id
                WHERE s.tenant_id = @tenant AND (@run IS NULL OR s.run_id = @run) AND (@experiment IS NULL OR s.experiment_id = @experiment)
                """;
        }, r => (r.GetGuid(0), JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(1)) ?? [], r.GetDouble(2)), ct);
}
