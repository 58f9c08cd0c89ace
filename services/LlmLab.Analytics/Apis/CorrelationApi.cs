using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/parameters/correlation: Pearson's r and Spearman's ρ (average ranks for ties) of every numeric
/// parameter with every score, with two-sided p-values (t with n − 2 df). r comes from sums per parameter tuple (of the
/// rollups tenant-wide, of the rows for a run or experiment);
/// ρ ranks every column (in .NET, <see cref="RankCorrelation"/>), so above 20,000 rows it is computed on the fixed hash
/// sample (<see cref="HashSample"/>) and says so.
/// </summary>
public static class CorrelationApi
{
    public static IEndpointRouteBuilder MapCorrelationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/parameters/correlation", CorrelateAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<CorrelationMatrix>, ProblemHttpResult>> CorrelateAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct);
        if (scope is null) return problem!;
        return TypedResults.Ok(await QueryAsync(sql, scope, ct));
    }

    public static async Task<CorrelationMatrix> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        var parameters = ScoreColumns.NumericParameters;
        var metrics = ScoreColumns.All;
        var pairs = parameters.SelectMany(p => metrics.Select(m => (Parameter: p, Metric: m))).ToList();
        var source = ScoreSource.For(scope);

        // Pearson over every row from sufficient statistics: each score's moments per parameter tuple (tens of groups
        // for a sweep), summed per parameter in .NET (GroupedPearson).
        var tuples = await sql.QueryAsync(c => $"""
            SELECT {string.Join(", ", parameters.Select(p => $"{p}::float8"))}, {source.Responses}, {string.Join(", ", metrics.Select(source.MomentsOf))}
            {source.From(c)} GROUP BY {string.Join(", ", parameters)}
            """, r => (X: parameters.Select((_, i) => r.GetDouble(i)).ToArray(), Responses: r.WholeNumber(parameters.Count),
                Y: metrics.Select((_, i) => ScoreSource.ReadMoments(r, parameters.Count + 1 + i * 5)).ToArray()), ct);
        // pairs run parameter by parameter over every metric
        var pearson = (Total: tuples.Sum(t => t.Responses), Cells: pairs.Select((_, i) =>
            GroupedPearson.Of(tuples.Select(t => (t.X[i / metrics.Count], t.Y[i % metrics.Count])))).ToList());

        // Spearman: Pearson's r of average ranks, on all rows or the fixed hash sample, ranked in .NET.
        var columns = parameters.Concat(metrics).ToList();
        var rows = await sql.QueryAsync(c => $"""
            SELECT {string.Join(", ", columns.Select(col => $"{col}::float8"))}
            FROM scored_responses WHERE {scope.Where(c)}{HashSample.Condition(pearson.Total)}
            """, r => columns.Select((_, i) => r.NullableDouble(i)).ToArray(), ct);
        var ranks = columns.Select((_, i) => RankCorrelation.Ranks(rows.Select(row => row[i]).ToList())).ToList();
        var spearman = pairs.Select(x => RankCorrelation.Of(ranks[columns.IndexOf(x.Metric)], ranks[columns.IndexOf(x.Parameter)]))
            .Select(s => (Rho: s.R, s.N)).ToList();

        var cells = pairs.Select((x, i) => new Correlation(x.Parameter, x.Metric, pearson.Cells[i].N,
            Round(pearson.Cells[i].R), Round(Tests.CorrelationP(pearson.Cells[i].R ?? double.NaN, pearson.Cells[i].N)),
            Round(spearman[i].Rho), Round(Tests.CorrelationP(spearman[i].Rho ?? double.NaN, spearman[i].N)), spearman[i].N)).ToList();
        return new CorrelationMatrix(pearson.Total, cells);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
    private static double Round(double value) => Math.Round(value, 6);
}

/// <summary>
/// A null coefficient means the parameter (or score) did not vary in the data; its p-value is then 1. SpearmanN is the
/// number of pairs Spearman's ρ was computed on: N, or a sample of about 20,000 when N is larger (ρ then has a standard error below 0.01).
/// </summary>
public sealed record Correlation(string Parameter, string Metric, long N, double? Pearson, double PearsonP, double? Spearman, double SpearmanP, long SpearmanN);

public sealed record CorrelationMatrix(long SampleSize, IReadOnlyList<Correlation> Correlations);
