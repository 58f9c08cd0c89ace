using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit.Statistics;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Queries;

/// <summary>Per-method summaries and pairwise comparisons of an evaluation, computed from its work items.</summary>
public sealed class EvaluationQueries(EvaluationDbContext db)
{
    public Task<List<ScoredItem>> ScoredAsync(Guid evaluationId, CancellationToken ct) =>
        db.EvaluationItems.AsNoTracking().Where(i => i.EvaluationId == evaluationId)
            .Select(i => new ScoredItem(i.ItemKey, i.MethodLabel, i.Status, i.Scores, i.LatencyMs, i.PromptTokens, i.CompletionTokens, i.CostUsd,
                i.Steps, i.ToolCalls, i.ToolErrors, i.Finished, i.FirstHitRank))
            .ToListAsync(ct);

    public static List<MethodSummary> Summaries(Domain.Evaluation evaluation, IReadOnlyList<ScoredItem> items) =>
        evaluation.Methods.Select(m => Summary(m, items.Where(i => i.MethodLabel == m.Label).ToList())).ToList();

    private static MethodSummary Summary(MethodSpec method, List<ScoredItem> items)
    {
        var answered = items.Where(i => i.Answered).ToList();
        double? Mean(string metric) => answered.Count == 0 || !answered.Any(i => i.Scores.ContainsKey(metric))
            ? null : answered.Average(i => i.Scores.GetValueOrDefault(metric)) / 100;
        var latencies = answered.Select(i => i.LatencyMs).Order().ToList();
        double? Percentile(double p) => latencies.Count == 0 ? null : Percentiles.Of(latencies, p);
        var prompt = answered.Sum(i => (long)i.PromptTokens);
        var completion = answered.Sum(i => (long)i.CompletionTokens);

        RetrievalView? retrieval = null;
        var ranked = answered.Where(i => i.FirstHitRank is not null).ToList();
        if ((method.Method.IsRag() || method.Method == MethodKind.Agent) && ranked.Count > 0)
        {
            retrieval = new RetrievalView(ranked.Count, ranked.Count(i => i.FirstHitRank > 0) / (double)ranked.Count,
                ranked.Average(i => i.FirstHitRank > 0 ? 1.0 / i.FirstHitRank.Value : 0));
        }
        AgentView? agent = null;
        if (method.Method == MethodKind.Agent && answered.Count > 0)
        {
            var calls = answered.Sum(i => i.ToolCalls);
            agent = new AgentView(answered.Count, answered.Count(i => i.Finished) / (double)answered.Count, answered.Average(i => i.Steps),
                calls == 0 ? 0 : answered.Sum(i => i.ToolErrors) / (double)calls, answered.Count(i => i.Status == ItemStatus.Stuck) / (double)answered.Count);
        }
        return new MethodSummary(method.Label, ServiceKit.EnumNames.Name(method.Method), items.Count,
            items.Count(i => i.Status == ItemStatus.Completed), items.Count(i => i.Status == ItemStatus.Stuck),
            items.Count(i => i.Status == ItemStatus.Failed), items.Count(i => i.Status == ItemStatus.Pending),
            new AccuracyView(Mean("exact_match"), Mean("f1"), Mean("substring_match"), Mean("numeric_match")),
            new LatencyView(Percentile(50), Percentile(95), Percentile(99)),
            new TokensView(prompt, completion, prompt + completion, answered.Count == 0 ? null : (prompt + completion) / (double)answered.Count),
            answered.Sum(i => i.CostUsd), retrieval, agent) { Faithfulness = method.Method.IsRag() ? Faithfulness(answered) : null };
    }

    private static FaithfulnessView? Faithfulness(List<ScoredItem> answered)
    {
        var lexical = answered.Where(i => i.Scores.ContainsKey("faithfulness")).Select(i => i.Scores["faithfulness"] / 100).ToList();
        if (lexical.Count == 0) return null;
        var judged = answered.Where(i => i.Scores.ContainsKey(Clients.ScoringClient.FaithfulnessJudge))
            .Select(i => i.Scores[Clients.ScoringClient.FaithfulnessJudge] / 100).ToList();
        return new FaithfulnessView(lexical.Average(), lexical.Count, judged.Count == 0 ? null : judged.Average());
    }

    /// <summary>
    /// Every pair of methods on the items both answered (paired by dataset item): the 2×2 table of exact-match
    /// correctness, McNemar's exact p, a bootstrap 95% CI of the accuracy difference (A − B), Holm-adjusted p over the pairs.
    /// </summary>
    public static List<PairComparison> Compare(Domain.Evaluation evaluation, IReadOnlyList<ScoredItem> items)
    {
        var byMethod = evaluation.Methods.ToDictionary(m => m.Label,
            m => items.Where(i => i.MethodLabel == m.Label && i.Answered).ToDictionary(i => i.ItemKey, i => i.Correct, StringComparer.Ordinal));
        var pairs = new List<(string A, string B, List<(bool A, bool B)> Paired)>();
        var labels = evaluation.Methods.Select(m => m.Label).ToList();
        for (var a = 0; a < labels.Count; a++)
        for (var b = a + 1; b < labels.Count; b++)
        {
            var left = byMethod[labels[a]];
            var right = byMethod[labels[b]];
            pairs.Add((labels[a], labels[b], left.Keys.Where(right.ContainsKey).Order(StringComparer.Ordinal).Select(k => (left[k], right[k])).ToList()));
        }
        var pValues = pairs.Select(p => McNemar.ExactP(p.Paired.Count(x => x.A && !x.B), p.Paired.Count(x => !x.A && x.B))).ToList();
        var holm = Holm.Adjust(pValues);
        return pairs.Select((p, i) =>
        {
            var n = p.Paired.Count;
            var differences = p.Paired.Select(x => (x.A ? 1.0 : 0) - (x.B ? 1.0 : 0)).ToList();
            var (lower, upper) = Bootstrap.MeanDifferenceInterval(differences);
            return new PairComparison(p.A, p.B, n, p.Paired.Count(x => x.A && x.B), p.Paired.Count(x => x.A && !x.B),
                p.Paired.Count(x => !x.A && x.B), p.Paired.Count(x => !x.A && !x.B),
                n == 0 ? 0 : p.Paired.Count(x => x.A) / (double)n, n == 0 ? 0 : p.Paired.Count(x => x.B) / (double)n,
                n == 0 ? 0 : differences.Average(), n == 0 ? null : lower, n == 0 ? null : upper, pValues[i], holm[i]);
        }).ToList();
    }
}
