using System.Globalization;
using LlmLab.Analytics.Apis;

namespace LlmLab.Analytics.Analysis;

/// <summary>A finding in a plain sentence with the statistic that backs it and the sample size behind it.</summary>
public sealed record Insight(string Kind, string Text, string Statistic, double Value, double? PValue, long SampleSize);

/// <summary>
/// Turns optimisation, correlation and model comparison results into sentences. Only findings significant at 5 % are
/// stated as findings; when there are none, the one insight says so with the smallest p-value seen.
/// </summary>
public static class InsightWriter
{
    public const double Significance = 0.05;
    public const double MinimumCorrelation = 0.1;

    public static List<Insight> Write(ParameterOptimization optimization, CorrelationMatrix correlation, IReadOnlyList<ModelSummary> models, ModelTest? modelTest)
    {
        var insights = new List<Insight>();
        foreach (var p in optimization.Parameters.Where(p => p.PValue < Significance).OrderBy(p => p.PValue))
        {
            insights.Add(new Insight("optimal_parameter", p.Recommendation, "welch_t_test_p", p.PValue, p.PValue, p.SampleSize));
        }
        foreach (var c in correlation.Correlations
            .Where(c => c.Spearman is { } rho && Math.Abs(rho) >= MinimumCorrelation && c.SpearmanP < Significance)
            .OrderByDescending(c => Math.Abs(c.Spearman!.Value)).Take(5))
        {
            var rho = c.Spearman!.Value;
            var text = F($"{Name(c.Metric)} {(rho > 0 ? "rises" : "falls")} as {c.Parameter} rises: Spearman's ρ = {rho:0.###} (p {P(c.SpearmanP)}, n = {c.SpearmanN}), a {Strength(rho)} monotonic relation.");
            insights.Add(new Insight("correlation", text, "spearman_rho", rho, c.SpearmanP, c.SpearmanN));
        }
        if (modelTest is { } m && m.PValue < Significance)
        {
            var text = F($"{m.Best.Provider}/{m.Best.Model} scores higher than {m.Second.Provider}/{m.Second.Model} on overall score ({m.Best.MeanOverallScore:0.##} vs {m.Second.MeanOverallScore:0.##}); Welch's t-test p {P(m.PValue)}, n = {m.Best.Responses} and {m.Second.Responses}.");
            insights.Add(new Insight("model_comparison", text, "welch_t_test_p", m.PValue, m.PValue, m.Best.Responses + m.Second.Responses));
        }
        if (models.Count > 0 && models.MaxBy(x => x.LatencyP95Ms) is { } slowest && models.MinBy(x => x.LatencyP95Ms) is { } fastest && slowest != fastest)
        {
            var text = F($"{fastest.Provider}/{fastest.Model} is the fastest model: p95 latency {fastest.LatencyP95Ms:0} ms against {slowest.LatencyP95Ms:0} ms for {slowest.Provider}/{slowest.Model} (n = {fastest.Responses} and {slowest.Responses}).");
            insights.Add(new Insight("latency", text, "latency_p95_ms", fastest.LatencyP95Ms, null, fastest.Responses + slowest.Responses));
        }
        if (insights.All(i => i.Kind is "latency") && optimization.SampleSize > 0)
        {
            var smallest = optimization.Parameters.Select(p => p.PValue).Concat(correlation.Correlations.Select(c => c.SpearmanP)).DefaultIfEmpty(1).Min();
            insights.Insert(0, new Insight("no_significant_effect",
                F($"No parameter changes {Name(optimization.Metric)} significantly in these {optimization.SampleSize} responses: the smallest p-value is {smallest:0.###}."),
                "smallest_p", smallest, smallest, optimization.SampleSize));
        }
        return insights;
    }

    private static string Strength(double rho) => Math.Abs(rho) switch { >= 0.7 => "strong", >= 0.4 => "moderate", _ => "weak" };
    private static string P(double p) => p < 0.001 ? "< 0.001" : F($"= {p:0.###}");
    private static string Name(string metric) => char.ToUpperInvariant(metric[0]) + metric[1..].Replace('_', ' ');
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The best model against the runner-up by mean overall score.</summary>
public sealed record ModelTest(ModelSummary Best, ModelSummary Second, double PValue)
{
    public static ModelTest? Of(IReadOnlyList<ModelSummary> models)
    {
        var ranked = models.Where(m => m.MeanOverallScore is not null && m.Responses >= 2).OrderByDescending(m => m.MeanOverallScore).ToList();
        if (ranked.Count < 2) return null;
        var (best, second) = (ranked[0], ranked[1]);
        var (_, _, p) = LlmLab.ServiceKit.Statistics.Tests.Welch(best.MeanOverallScore!.Value, best.StdDevOverallScore ?? 0, best.Responses,
            second.MeanOverallScore!.Value, second.StdDevOverallScore ?? 0, second.Responses);
        return new ModelTest(best, second, p);
    }
}
