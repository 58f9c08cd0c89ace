using System.Diagnostics;
using Npgsql;

namespace LlmLab.Bench.Platform;

/// <summary>Exports 1,000,000 stored responses (with metrics and a 60-word text each) through the gateway: seconds, rows/s, and the batch service's memory.</summary>
public static class ExportBench
{
    public const int Rows = 1_000_000;

    public static async Task RunAsync(RunningPlatform platform)
    {
        Console.WriteLine($"== Export of {Rows:N0} responses through the gateway");
        var experiment = Guid.NewGuid();
        var watch = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(platform.Database("batchdb")))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO responses (id, work_item_id, run_id, experiment_id, tenant_id, content, temperature, top_p, frequency_penalty, presence_penalty,
                    max_tokens, seed, provider, model, finish_reason, prompt_tokens, completion_tokens, total_tokens, response_time_ms, cost_usd, created_at)
                SELECT gen_random_uuid(), gen_random_uuid(), @experiment, @experiment, @tenant,
                    'Rain forms when water vapour in rising air cools and condenses on tiny particles into droplets. The droplets collide, merge and grow '
                    || 'until the updraft can no longer hold them, and they fall as rain, or as snow when the air below is cold enough. Sample ' || i || ', "quoted", with a comma.',
                    (1 + i % 10) / 10.0, (1 + (i / 10) % 10) / 10.0, 0, 0, 100, i, 'simulated', 'simulated-200ms', 'stop', 12, 60, 72, 200 + i % 50, 0.0001,
                    now() - make_interval(secs => i / 1000.0)
                FROM generate_series(1, @rows) AS i;
                INSERT INTO response_metrics (response_id, "all", analysis_version, coherence_score, completeness_score, confidence_score, creativity_score, details,
                    errors, length_appropriateness_score, overall_score, readability_score, relevance_score, sentence_count, specificity_score, word_count)
                SELECT id, '{"overall_score": 70.5}', 'bench', 71, 72, 0.9, 40, '{}', '{}', 80, 70.5, 65, 55, 3, 60, 60 FROM responses WHERE experiment_id = @experiment;
                ANALYZE responses; ANALYZE response_metrics;
                """, connection);
            insert.Parameters.AddWithValue("experiment", experiment);
            insert.Parameters.AddWithValue("tenant", RunningPlatform.Tenant);
            insert.Parameters.AddWithValue("rows", Rows);
            await insert.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"   seeded in {watch.Elapsed.TotalSeconds:0.0} s");

        foreach (var (format, request) in new (string, Func<HttpRequestMessage>)[]
        {
            ("csv", () => new HttpRequestMessage(HttpMethod.Get, $"/api/export/{experiment}/csv")),
            ("parquet", () => Custom(experiment, "parquet")),
            ("xlsx", () => Custom(experiment, "xlsx")),
        })
        {
            var before = platform.ResidentMiB("batch");
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, platform.ResidentMiB("batch"));
                    await Task.Delay(200);
                }
            });
            var call = Stopwatch.StartNew();
            using var response = await platform.Client.SendAsync(request(), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[1 << 16];
            long bytes = 0, lines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                if (format == "csv") lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
            var seconds = call.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            var rows = format == "csv" ? $"{lines - 1:N0} rows, " : "";
            Console.WriteLine($"   {format,-8} {rows}{bytes / 1048576.0:0} MiB in {seconds:0.0} s → {Rows / seconds:N0} rows/s; batch service memory {before:0} MiB before, {peak:0} MiB at most during");
        }
    }

    private static HttpRequestMessage Custom(Guid experiment, string format) => new(HttpMethod.Post, "/api/export/custom")
    {
        Content = System.Net.Http.Json.JsonContent.Create(new { format, filters = new { experiment_id = experiment } }),
    };
}
