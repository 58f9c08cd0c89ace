using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Runs;

namespace LlmLab.Analytics.Gates;

/// <summary>Measures what a gate checks on one finished run, in PostgreSQL: null where the run has nothing to measure.</summary>
public sealed class RunMeasurements(AnalyticsSql sql)
{
    public async Task<int> ScoredCountAsync(FinishedRun run, CancellationToken ct) =>
        (await sql.QueryAsync(c =>
        {
            Bind(c, run);
            return "SELECT count(*)::int FROM scored_responses WHERE tenant_id = @tenant AND run_id = @run";
        }, r => r.GetInt32(0), ct)).Single();

    public async Task<Dictionary<string, double?>> MeasureAsync(FinishedRun run, IEnumerable<string> metrics, CancellationToken ct)
    {
        var measured = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var metric in metrics.Distinct(StringComparer.Ordinal)) measured[metric] = await MeasureAsync(run, metric, ct);
        return measured;
    }

    private async Task<double?> MeasureAsync(FinishedRun run, string metric, CancellationToken ct)
    {
        if (metric == GateMetrics.FailureRate) return run.Completed + run.Failed == 0 ? null : run.FailureRate;
        return (await sql.QueryAsync(c =>
        {
            Bind(c, run);
            // Metric names reach SQL only as parameters; the aggregate is chosen here, from the fixed list.
            string aggregate;
            if (metric == GateMetrics.CostUsd) aggregate = "CASE WHEN count(*) = 0 THEN NULL ELSE sum(cost_usd) END";
            else if (GateMetrics.LatencyPercentile(metric) is { } percentile)
            {
                c.Parameters.AddWithValue("percentile", percentile);
                aggregate = "percentile_cont(@percentile) WITHIN GROUP (ORDER BY response_time_ms)";
            }
            else
            {
                c.Parameters.AddWithValue("metric", metric);
                aggregate = "avg((metrics ->> @metric)::float8)";
            }
            return $"SELECT {aggregate} FROM scored_responses WHERE tenant_id = @tenant AND run_id = @run";
        }, r => r.NullableDouble(0), ct)).Single();
    }

    private static void Bind(Npgsql.NpgsqlCommand command, FinishedRun run)
    {
        command.Parameters.AddWithValue("tenant", run.TenantId);
        command.Parameters.AddWithValue("run", run.RunId);
    }
}
