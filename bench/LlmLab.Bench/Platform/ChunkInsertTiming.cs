using System.Diagnostics;
using LlmLab.TestKit;
using Npgsql;

namespace LlmLab.Bench.Platform;

/// <summary>
/// What the rollup triggers cost a write: statements of 16 rows (the run engine's chunk), each its own transaction, into
/// a tenant that already holds the bench's rows, so every statement merges into existing grain rows as a steady state does.
/// </summary>
public static class ChunkInsertTiming
{
    public const int ChunkRows = 16;
    private const int Chunks = 300;

    public static async Task RunAsync(NpgsqlConnection connection, string tenant)
    {
        // A run per chunk: each statement also adds its run to the day's run set.
        var rows = ScoredResponseSeed.Generate(new SeedShape(tenant, ChunkRows * Chunks, Guid.Empty, Runs: Chunks, RandomSeed: 11)).ToList();
        var times = new List<double>();
        foreach (var chunk in rows.Chunk(ChunkRows))
        {
            var watch = Stopwatch.StartNew();
            await ScoredResponseSeed.CopyAsync(connection, chunk);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"   chunk insert ({ChunkRows} rows, one COPY and its triggers, {Chunks} statements): median {EndToEndBench.Percentile(times, 50):0.00} ms, " +
            $"p95 {EndToEndBench.Percentile(times, 95):0.00} ms, mean {times.Average():0.00} ms");
    }
}
