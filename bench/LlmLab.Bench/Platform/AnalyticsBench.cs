using System.Diagnostics;
using Npgsql;

namespace LlmLab.Bench.Platform;

/// <summary>
/// Latency of the analytics endpoints through the gateway over 1,000,000 stored scored responses (ten runs of 100,000,
/// spread over 90 days, three models, a temperature × top_p grid, scores that fall with temperature).
/// </summary>
public static class AnalyticsBench
{
    public const int Rows = 1_000_000;
    private const int Runs = 10;

    public static async Task RunAsync(RunningPlatform platform)
    {
        Console.WriteLine($"== Analytics over {Rows:N0} scored responses");
        var runIds = Enumerable.Range(0, Runs).Select(_ => Guid.NewGuid()).ToArray();
        var watch = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(platform.Database("analyticsdb")))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO scored_responses (response_id, message_id, run_id, experiment_id, tenant_id, provider, model, temperature, top_p, max_tokens,
                    frequency_penalty, presence_penalty, prompt_tokens, completion_tokens, response_time_ms, cost_usd, overall_score, coherence_score,
                    completeness_score, readability_score, length_appropriateness_score, creativity_score, specificity_score, relevance_score, item_key,
                    metrics, analysis_version, created_at)
                SELECT gen_random_uuid(), gen_random_uuid(), (@runs)[1 + i % 10], (@runs)[1 + i % 10], @tenant, 'simulated', 'model-' || (i % 3),
                    t, p, 100, 0, 0, 20, 80 + i % 40, 150 + random() * 100, 0.0001,
                    s, s + random() * 5, s - random() * 5, 40 + random() * 40, 50 + random() * 50, 30 + t * 20, 50 + random() * 20, 60 - t * 10,
                    (i / 10) || ':0', jsonb_build_object('overall_score', s), 'bench', now() - make_interval(days => i % 90, secs => random() * 3600)
                FROM (SELECT i, (1 + i % 10) / 10.0 AS t, (1 + (i / 10) % 10) / 10.0 AS p FROM generate_series(1, @rows) AS i) AS g,
                     LATERAL (SELECT least(100, greatest(0, 75 - 15 * g.t + (random() - 0.5) * 30)) AS s) AS score
                """, connection);
            insert.Parameters.AddWithValue("runs", runIds);
            insert.Parameters.AddWithValue("tenant", RunningPlatform.Tenant);
            insert.Parameters.AddWithValue("rows", Rows);
            await insert.ExecuteNonQueryAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE scored_responses", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"   seeded in {watch.Elapsed.TotalSeconds:0.0} s");

        var batch = runIds[0];
        (string Name, string Path)[] endpoints =
        [
            ("quality/breakdown (all 1M)", "/api/analytics/quality/breakdown"),
            ("quality/breakdown (one batch, 100k)", $"/api/analytics/quality/breakdown?batch_id={batch}"),
            ("quality/trends 90d", "/api/analytics/quality/trends?timeframe=90d"),
            ("models/comparison 90d", "/api/analytics/models/comparison?timeframe=90d"),
            ("parameters/optimization (all)", "/api/analytics/parameters/optimization"),
            ("parameters/optimization (one batch)", $"/api/analytics/parameters/optimization?batch_id={batch}"),
            ("parameters/correlation (all)", "/api/analytics/parameters/correlation"),
            ("parameters/correlation (one batch)", $"/api/analytics/parameters/correlation?batch_id={batch}"),
            ("parameters/insights (one batch)", $"/api/analytics/parameters/insights?batch_id={batch}"),
        ];
        foreach (var (name, path) in endpoints)
        {
            (await platform.Client.GetAsync(path)).EnsureSuccessStatusCode(); // warm-up
            var times = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var call = Stopwatch.StartNew();
                using var response = await platform.Client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(call.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"   {name,-40} p50 {EndToEndBench.Percentile(times, 50),7:0} ms   p95 {EndToEndBench.Percentile(times, 95),7:0} ms");
        }
    }
}
