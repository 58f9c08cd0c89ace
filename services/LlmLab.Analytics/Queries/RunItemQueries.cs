using LlmLab.Analytics.Analysis;

namespace LlmLab.Analytics.Queries;

/// <summary>The scored responses of two runs as comparisons see them (<see cref="RunItem"/>), for pairing by item identity.</summary>
public static class RunItemQueries
{
    public static async Task<(List<RunItem> A, List<RunItem> B)> RunItemsAsync(this AnalyticsSql sql, string tenant, Guid a, Guid b, string metric,
        CancellationToken ct)
    {
        var items = await sql.QueryAsync(c =>
        {
            c.Parameters.AddWithValue("tenant", tenant);
            c.Parameters.AddWithValue("a", a);
            c.Parameters.AddWithValue("b", b);
            c.Parameters.AddWithValue("metric", metric);
            return """
                SELECT run_id, item_identity, item_key, (metrics ->> @metric)::float8, model, temperature, top_p, max_tokens,
                       frequency_penalty, presence_penalty
                FROM scored_responses WHERE tenant_id = @tenant AND run_id IN (@a, @b)
                """;
        }, r => (Run: r.GetGuid(0), Item: new RunItem(r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.NullableDouble(3), r.GetString(4), r.GetDouble(5), r.GetDouble(6), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9))), ct);
        return (items.Where(x => x.Run == a).Select(x => x.Item).ToList(), items.Where(x => x.Run == b).Select(x => x.Item).ToList());
    }
}
