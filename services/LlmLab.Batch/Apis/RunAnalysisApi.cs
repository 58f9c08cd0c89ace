using System.Globalization;
using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// Per-parameter-value aggregates of a run's scores, and the optimal value of each parameter with a confidence from a
/// Welch t-test (best value against all others) and the quality impact between the best and worst values.
/// </summary>
public static class RunAnalysisApi
{
    /// <summary>The score metrics a run's analysis, heatmap and response table know.</summary>
    public static readonly string[] Metrics =
        ["overall_score", "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score", "creativity_score", "specificity_score", "relevance_score"];

    public static IEndpointRouteBuilder MapRunAnalysisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/batch").RequireTenant();
        api.MapGet("/{id:guid}/analysis", AnalysisAsync);
        api.MapGet("/{id:guid}/optimization", OptimizationAsync);
        return app;
    }

    public static async Task<Results<Ok<RunAnalysis>, ProblemHttpResult>> AnalysisAsync(Guid id, HttpContext http, BatchDbContext db, CancellationToken ct)
    {
        var rows = await LoadAsync(db, id, http.TenantId()!, ct);
        if (rows is null) return Problems.NotFound("Batch run", id);
        var parameters = Parameters(rows).ToDictionary(p => p.Name, p => p.Groups.Select(g => new ValueAggregate(g.Value, g.Rows.Count,
            Metrics.ToDictionary(m => m, m => Summary(g.Rows.Select(r => r.Metrics.GetValueOrDefault(m, double.NaN)).Where(double.IsFinite).ToList())))).ToList());
        return TypedResults.Ok(new RunAnalysis(id, rows.Count, parameters));
    }

    public static async Task<Results<Ok<RunOptimization>, ProblemHttpResult>> OptimizationAsync(Guid id, HttpContext http, BatchDbContext db, CancellationToken ct)
    {
        var rows = await LoadAsync(db, id, http.TenantId()!, ct);
        if (rows is null) return Problems.NotFound("Batch run", id);
        var results = new List<ParameterOptimum>();
        foreach (var (name, groups) in Parameters(rows).Where(p => p.Groups.Count > 1))
        {
            var means = groups.Select(g => (g.Value, Scores: g.Rows.Select(r => r.Overall).ToList())).Where(g => g.Scores.Count > 0)
                .Select(g => (g.Value, g.Scores, Mean: g.Scores.Average())).OrderByDescending(g => g.Mean).ToList();
            if (means.Count < 2) continue;
            var best = means[0];
            var worst = means[^1];
            var rest = means.Skip(1).SelectMany(g => g.Scores).ToList();
            var (_, _, p) = Tests.Welch(best.Scores, rest);
            var impact = worst.Mean == 0 ? 0 : (best.Mean - worst.Mean) / worst.Mean * 100;
            results.Add(new ParameterOptimum(name, best.Value, Math.Round(best.Mean, 2), Math.Round(1 - p, 4), Math.Round(p, 4), best.Scores.Count, rest.Count,
                Math.Round(impact, 2), worst.Value, Math.Round(worst.Mean, 2)));
        }
        return TypedResults.Ok(new RunOptimization(id, rows.Count, results.ToDictionary(r => r.Parameter, r => r.BestValue), results));
    }

    private sealed record Row(double Temperature, double TopP, double FrequencyPenalty, double PresencePenalty, int MaxTokens, string Model, double Overall, Dictionary<string, double> Metrics);

    private static async Task<List<Row>?> LoadAsync(BatchDbContext db, Guid id, string tenantId, CancellationToken ct)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == id && r.TenantId == tenantId, ct)) return null;
        return await db.Responses.AsNoTracking().Where(r => r.RunId == id && r.Metrics != null && r.Metrics.OverallScore != null)
            .Select(r => new Row(r.Temperature, r.TopP, r.FrequencyPenalty, r.PresencePenalty, r.MaxTokens, r.Model, r.Metrics!.OverallScore!.Value, r.Metrics.All))
            .ToListAsync(ct);
    }

    private static IEnumerable<(string Name, List<(string Value, List<Row> Rows)> Groups)> Parameters(List<Row> rows)
    {
        static string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        (string, Func<Row, string>)[] dimensions =
        [
            ("temperature", r => N(r.Temperature)), ("top_p", r => N(r.TopP)), ("frequency_penalty", r => N(r.FrequencyPenalty)),
            ("presence_penalty", r => N(r.PresencePenalty)), ("max_tokens", r => r.MaxTokens.ToString(CultureInfo.InvariantCulture)), ("model", r => r.Model),
        ];
        foreach (var (name, key) in dimensions)
        {
            yield return (name, rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToList())).ToList());
        }
    }

    private static MetricAggregate Summary(List<double> values)
    {
        var (mean, std, n) = Tests.Describe(values);
        return n == 0 ? new MetricAggregate(0, null, null, null, null) : new MetricAggregate(n, Math.Round(mean, 2), Math.Round(std, 2), values.Min(), values.Max());
    }
}

public sealed record MetricAggregate(int Count, double? Mean, double? StdDev, double? Min, double? Max);
public sealed record ValueAggregate(string Value, int Count, IReadOnlyDictionary<string, MetricAggregate> Metrics);
public sealed record RunAnalysis(Guid RunId, int SampleSize, IReadOnlyDictionary<string, List<ValueAggregate>> Parameters);
public sealed record ParameterOptimum(string Parameter, string BestValue, double BestMeanOverall, double Confidence, double PValue, int BestCount, int OthersCount,
    double QualityImpactPercent, string WorstValue, double WorstMeanOverall);
public sealed record RunOptimization(Guid RunId, int SampleSize, IReadOnlyDictionary<string, string> OptimalParameters, IReadOnlyList<ParameterOptimum> Parameters);
