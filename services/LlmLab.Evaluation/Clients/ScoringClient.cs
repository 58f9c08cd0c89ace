using LlmLab.Contracts.Quality;

namespace LlmLab.Evaluation.Clients;

/// <summary>
/// Reference metrics from quality-analysis (Score with the answer and its aliases as references): the metrics are
/// defined there once. An empty prediction scores 0 on every accuracy metric without a call, as the standard scripts do.
/// </summary>
public class ScoringClient(QualityService.QualityServiceClient quality)
{
    public static readonly string[] ReferenceMetrics = ["exact_match", "f1", "substring_match", "numeric_match", "bleu", "rouge_l"];
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public virtual async Task<Dictionary<string, double>> ScoreAsync(string question, string prediction, IReadOnlyList<string> references,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(prediction)) return ReferenceMetrics.Take(4).ToDictionary(m => m, _ => 0.0);
        var request = new ScoreRequest { Text = prediction, Prompt = question, References = { references } };
        var reply = await quality.ScoreAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
        return reply.Metrics.Where(m => ReferenceMetrics.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value);
    }
}
