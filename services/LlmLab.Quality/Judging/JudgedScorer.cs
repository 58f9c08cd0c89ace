using LlmLab.Quality.Metrics;

namespace LlmLab.Quality.Judging;

/// <summary>Which judge to ask, acting as which tenant (whose providers it may use).</summary>
public sealed record JudgeChoice(string Provider, string Model, string Rubric, string Tenant);

/// <summary>Metrics of one response, with what could not be computed and the texts that go with metrics.</summary>
public sealed record ScoreOutcome(Dictionary<string, double> Metrics, Dictionary<string, string> Errors, Dictionary<string, string> Details);

/// <summary>The heuristic and reference metrics, plus the LLM judge when one is asked for.</summary>
public sealed class JudgedScorer(LlmJudge judge)
{
    public async Task<ScoreOutcome> ScoreAsync(ScoreInput input, JudgeChoice? choice, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var metrics = QualityScorer.Score(input, errors);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        if (choice is not null)
        {
            var verdict = await judge.ScoreAsync(choice.Tenant, choice.Provider, choice.Model, choice.Rubric, JudgedPrompt(input), input.Text, ct);
            if (verdict.Score is { } score)
            {
                metrics["judge_score"] = score;
                details["judge_reasoning"] = verdict.Reasoning ?? "";
            }
            else
            {
                errors["judge_score"] = verdict.Error!;
            }
        }
        return new ScoreOutcome(metrics, errors, details);
    }

    /// <summary>A grounded response is judged with the passages it was given, so a rubric can ask whether they support it.</summary>
    public static string JudgedPrompt(ScoreInput input)
    {
        if (input.Contexts is not { Count: > 0 } passages) return input.Prompt;
        var text = new System.Text.StringBuilder("[Passages]\n");
        for (var i = 0; i < passages.Count; i++) text.Append('[').Append(i + 1).Append("] ").Append(passages[i]).Append('\n');
        return text.Append("\n[Question]\n").Append(input.Prompt).ToString();
    }
}
