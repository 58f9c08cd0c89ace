using Npgsql;
using NpgsqlTypes;

namespace LlmLab.TestKit;

/// <summary>The grid and spread of synthetic scored responses: a temperature × top_p × model sweep repeated every day.</summary>
public sealed record SeedShape(string Tenant, int Rows, Guid ExperimentId, int Runs = 10, int Days = 90, int Temperatures = 10, int TopPs = 5, int Models = 3,
    int RandomSeed = 20261128);

/// <summary>
/// One row of the analytics read model; Scores in the order of <see cref="ScoredResponseSeed.ScoreColumns"/> (null: not
/// scored); ExactMatch and F1 as the metrics JSON holds them for a response with a reference (null: none).
/// </summary>
public sealed record SeedRow(Guid ResponseId, Guid RunId, Guid ExperimentId, string Tenant, string Model, double Temperature, double TopP,
    int CompletionTokens, double ResponseTimeMs, double?[] Scores, DateTimeOffset CreatedAt, double? ExactMatch = null, double? F1 = null)
{
    public const int PromptTokens = 20;
    public double CostUsd => CompletionTokens * 0.000002;

    public double? Overall => Scores[0];
    public double? Creativity => Scores[5];
}

/// <summary>
/// Writes synthetic scored responses straight into analyticsdb's scored_responses with COPY (the benchmark's million
/// rows, the rollup tests' few hundred): scores fall with temperature, one score in seven is missing creativity, one
/// response in three has a reference (exact match and F1) and one more in fifteen only an F1.
/// </summary>
public static class ScoredResponseSeed
{
    public static readonly string[] ScoreColumns =
    [
        "overall_score", "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score", "creativity_score",
        "specificity_score", "relevance_score",
    ];

    public static IEnumerable<SeedRow> Generate(SeedShape shape)
    {
        var random = new Random(shape.RandomSeed);
        var runs = Enumerable.Range(0, shape.Runs).Select(_ => Guid.NewGuid()).ToArray();
        var combinations = shape.Temperatures * shape.TopPs * shape.Models;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < shape.Rows; i++)
        {
            var t = Math.Round((1 + i % shape.Temperatures) / (double)shape.Temperatures, 2);
            var p = Math.Round((1 + i / shape.Temperatures % shape.TopPs) / (double)shape.TopPs, 2);
            var model = i / (shape.Temperatures * shape.TopPs) % shape.Models;
            var day = i / combinations % shape.Days;
            // Not rounded: means of two-decimal scores are fractions with small denominators, which can sit exactly on a
            // rounding boundary of the API's four decimals, where summing in another order may round the other way.
            double Score(double centre, double spread) => Math.Clamp(centre + (random.NextDouble() - 0.5) * spread, 0, 100);
            var overall = Score(75 - 15 * t + 3 * model, 30);
            double?[] scores =
            [
                overall, Score(overall, 10), Score(overall - 2, 10), Score(60, 40), Score(75, 50), i % 7 == 3 ? null : Score(30 + 20 * t, 20),
                Score(60, 20), Score(60 - 10 * t, 20),
            ];
            // From the overall score, not the random stream, so the other columns stay as they were before references.
            var exactMatch = i % 3 == 0 ? (overall >= 70 ? 100 : 0) : (double?)null;
            var f1 = i % 3 == 0 || i % 5 == 1 ? Math.Clamp(overall * 0.9 + 7.3, 0, 100) : (double?)null;
            yield return new SeedRow(Guid.NewGuid(), runs[(long)i * shape.Runs / shape.Rows], shape.ExperimentId, shape.Tenant, $"model-{model}", t, p,
                80 + i % 40, Math.Round(150 + 100 * random.NextDouble() + 200 * model, 3), scores,
                now.AddDays(-day).AddSeconds(-random.Next(0, 3600)), exactMatch, f1);
        }
    }

    /// <summary>One COPY statement of the rows (so one run of the rollup triggers); returns the rows written.</summary>
    public static async Task<ulong> CopyAsync(NpgsqlConnection connection, IEnumerable<SeedRow> rows, CancellationToken ct = default)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"""
            COPY scored_responses (response_id, message_id, run_id, experiment_id, tenant_id, provider, model, temperature, top_p, max_tokens,
                frequency_penalty, presence_penalty, prompt_tokens, completion_tokens, response_time_ms, cost_usd, {string.Join(", ", ScoreColumns)},
                item_key, metrics, analysis_version, created_at) FROM STDIN (FORMAT BINARY)
            """, ct);
        var index = 0;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(row.ResponseId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(row.ResponseId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(row.RunId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(row.ExperimentId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(row.Tenant, NpgsqlDbType.Text, ct);
            await writer.WriteAsync("simulated", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.Model, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.Temperature, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(row.TopP, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(256, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(0.0, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(0.0, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(SeedRow.PromptTokens, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(row.CompletionTokens, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(row.ResponseTimeMs, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(row.CostUsd, NpgsqlDbType.Double, ct);
            foreach (var score in row.Scores)
            {
                if (score is { } value) await writer.WriteAsync(value, NpgsqlDbType.Double, ct);
                else await writer.WriteNullAsync(ct);
            }
            await writer.WriteAsync($"{index++}:0", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(MetricsJson(row), NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync("seed", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(row.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
        }
        return await writer.CompleteAsync(ct);
    }

    /// <summary>The metrics JSON of a row: the overall score, and exact match and F1 where the response had a reference.</summary>
    private static string MetricsJson(SeedRow row)
    {
        var metrics = new Dictionary<string, double?> { ["overall_score"] = row.Overall };
        if (row.ExactMatch is { } exact) metrics["exact_match"] = exact;
        if (row.F1 is { } f1) metrics["f1"] = f1;
        return System.Text.Json.JsonSerializer.Serialize(metrics);
    }
}
