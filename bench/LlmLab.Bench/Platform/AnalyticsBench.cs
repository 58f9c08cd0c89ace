using System.Diagnostics;
using LlmLab.TestKit;
using Npgsql;

namespace LlmLab.Bench.Platform;

/// <summary>
/// Latency of every analytics view through the gateway over a tenant's scored responses (1,000,000 by default): ten
/// runs COPYed straight into analyticsdb (the rollup triggers run in each COPY's transaction, as for the chunk
/// consumer), a temperature × top_p × model sweep repeated over 90 days, scores that fall with temperature.
/// </summary>
public static class AnalyticsBench
{
    public const int DefaultRows = 1_000_000;
    private const int Runs = 10;
    private const int TimedCalls = 20;

    public static async Task RunAsync(RunningPlatform platform, int rows)
    {
        Console.WriteLine($"== Analytics over {rows:N0} scored responses (tenant {RunningPlatform.Tenant})");
        var shape = new SeedShape(RunningPlatform.Tenant, rows, Guid.Empty, Runs: Runs);
        var watch = Stopwatch.StartNew();
        Guid batch;
        await using (var connection = new NpgsqlConnection(platform.Database("analyticsdb")))
        {
            await connection.OpenAsync();
            var all = ScoredResponseSeed.Generate(shape);
            foreach (var run in all.Chunk(Math.Max(1, rows / Runs)))
            {
                await ScoredResponseSeed.CopyAsync(connection, run);
                // Each COPY updates every grain row once; autovacuum frees the old versions between the chunk consumer's
                // statements, whereas ten back-to-back COPYs would leave score_rollups ten row versions deep (90 MB for
                // 13,500 rows), a table no steady state has.
                await using var vacuum = new NpgsqlCommand("VACUUM score_rollups", connection) { CommandTimeout = 0 };
                await vacuum.ExecuteNonQueryAsync();
            }
            Console.WriteLine($"   seeded with COPY in {watch.Elapsed.TotalSeconds:0.0} s ({rows / watch.Elapsed.TotalSeconds:N0} rows/s, vacuums included)");
            await ChunkInsertTiming.RunAsync(connection, RunningPlatform.Tenant);
            // What autovacuum does after a bulk insert, here before the timings rather than during them: the visibility
            // map lets the sample's covering indexes answer without the heap. VACUUM cannot share a command (a batch is one transaction).
            foreach (var maintenance in new[] { "VACUUM (ANALYZE) scored_responses", "ANALYZE score_rollups" })
            {
                await using var command = new NpgsqlCommand(maintenance, connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync();
            }
            await using var facts = new NpgsqlCommand("SELECT (SELECT count(*) FROM score_rollups WHERE tenant_id = @t), (SELECT run_id FROM scored_responses WHERE tenant_id = @t LIMIT 1)", connection);
            facts.Parameters.AddWithValue("t", RunningPlatform.Tenant);
            await using var reader = await facts.ExecuteReaderAsync();
            await reader.ReadAsync();
            Console.WriteLine($"   {reader.GetInt64(0):N0} rollup rows");
            batch = reader.GetGuid(1);
        }

        (string Name, string Path)[] views =
        [
            ("summary (30d)", "/api/analytics/summary"),
            ("summary 90d", "/api/analytics/summary?timeframe=90d"),
            ("quality/breakdown (all time)", "/api/analytics/quality/breakdown"),
            ("quality/trends (30d)", "/api/analytics/quality/trends"),
            ("quality/trends 90d", "/api/analytics/quality/trends?timeframe=90d"),
            ("models/comparison (30d)", "/api/analytics/models/comparison"),
            ("models/comparison 90d", "/api/analytics/models/comparison?timeframe=90d"),
            ("parameters/optimization (all time)", "/api/analytics/parameters/optimization"),
            ("parameters/correlation (all time)", "/api/analytics/parameters/correlation"),
            ("parameters/insights (all time)", "/api/analytics/parameters/insights"),
            ("quality/breakdown (one run)", $"/api/analytics/quality/breakdown?batch_id={batch}"),
            ("parameters/insights (one run)", $"/api/analytics/parameters/insights?batch_id={batch}"),
        ];
        Console.WriteLine($"   load average before the timings: {LoadAverage()}");
        foreach (var (name, path) in views)
        {
            (await platform.Client.GetAsync(path)).EnsureSuccessStatusCode(); // warm-up
            var times = new List<double>();
            for (var i = 0; i < TimedCalls; i++)
            {
                var call = Stopwatch.StartNew();
                using var response = await platform.Client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(call.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"   {name,-38} median {EndToEndBench.Percentile(times, 50),6:0} ms   p95 {EndToEndBench.Percentile(times, 95),6:0} ms");
        }
        Console.WriteLine($"   load average after the timings: {LoadAverage()}");
    }

    /// <summary>The 1, 5 and 15-minute load averages (Linux), to tell a quiet machine's figures from a shared one's.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
