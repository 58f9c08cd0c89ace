using LlmLab.Contracts.Quality;
using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Clients;

/// <summary>The passages a RAG answer was given, whose tenant asks, and the judge of faithfulness if the evaluation has one.</summary>
public sealed record Grounding(IReadOnlyList<string> Passages, string TenantId, JudgeSettings? Judge);

/// <summary>
/// Reference metrics from quality-analysis (Score with the answer and its aliases as references): the metrics are
/// defined there once. An empty prediction scores 0 on every accuracy metric without a call, as the standard scripts do.
/// With a grounding, also faithfulness (the lexical rule) and, with a judge, the judge's faithfulness score.
/// </summary>
public class ScoringClient(QualityService.QualityServiceClient quality)
{
    public static readonly string[] ReferenceMetrics = ["exact_match", "f1", "substring_match", "numeric_match", "bleu", "rouge_l"];
    public const string FaithfulnessJudge = "faithfulness_judge";

    public const string FaithfulnessRubric =
        "Judge only faithfulness: is every claim of the response supported by the passages? Ignore whether it is correct in the world. " +
        "10: every claim is stated in or follows from the passages; 1: none is.";

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public virtual async Task<Dictionary<string, double>> ScoreAsync(string question, string prediction, IReadOnlyList<string> references,
        CancellationToken ct, string? answer = null, Grounding? grounding = null)
    {
        var scores = new Dictionary<string, double>();
        if (string.IsNullOrWhiteSpace(prediction))
        {
            foreach (var metric in ReferenceMetrics.Take(4)) scores[metric] = 0;
        }
        else
        {
            var reply = await quality.ScoreAsync(new ScoreRequest { Text = prediction, Prompt = question, References = { references } },
                deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            foreach (var (metric, value) in reply.Metrics.Where(m => ReferenceMetrics.Contains(m.Key))) scores[metric] = value;
        }
        // Faithfulness is a property of the whole answer the model gave (its claims), not of the extracted span.
        if (grounding is { Passages.Count: > 0 } && !string.IsNullOrWhiteSpace(answer))
        {
            var request = new ScoreRequest { Text = answer, Prompt = question, Contexts = { grounding.Passages } };
            if (grounding.Judge is { } judge)
                request.Judge = new JudgeSpec { Provider = judge.Provider, Model = judge.Model, Rubric = FaithfulnessRubric, TenantId = grounding.TenantId };
            var reply = await quality.ScoreAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            if (reply.Metrics.TryGetValue("faithfulness", out var faithful)) scores["faithfulness"] = faithful;
            if (reply.Metrics.TryGetValue("judge_score", out var judged)) scores[FaithfulnessJudge] = judged;
        }
        return scores;
    }
}
