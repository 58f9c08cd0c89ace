using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmLab.Quality.Judging;

/// <summary>
/// LLM-as-judge: a rubric prompt, a parsed "Score: n" (1–10, scaled ×10), retried once with a stricter instruction
/// when the answer cannot be parsed, then recorded as an error: never a silent default. Pairwise comparison asks in
/// both orders; a winner counts only when both orders agree, otherwise it is a tie.
/// </summary>
public sealed partial class LlmJudge(IJudgeModel model)
{
    public const string DefaultRubric =
        "Judge how well the response answers the prompt: correctness, completeness, clarity and relevance.";

    [GeneratedRegex(@"score\s*[:=]\s*(\d+(?:\.\d+)?)\s*(?:/\s*10)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScorePattern();

    [GeneratedRegex(@"winner\s*[:=]\s*\**\s*(A|B|tie)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WinnerPattern();

    public async Task<JudgeResult> ScoreAsync(string tenant, string provider, string judgeModel, string rubric, string prompt, string response, CancellationToken ct)
    {
        var instruction = $"""
            You are an impartial judge. {Rubric(rubric)}
            Rate the response from 1 (useless) to 10 (excellent).
            Answer with a line "Score: <1-10>" followed by a line "Reasoning: <one paragraph>".

            [Prompt]
            {prompt}

            [Response]
            {response}
            """;
        string answer;
        try
        {
            answer = await model.CompleteAsync(tenant, provider, judgeModel, instruction, ct);
            if (Parse(answer) is { } first) return new JudgeResult(first * 10, Reasoning(answer), null);
            answer = await model.CompleteAsync(tenant, provider, judgeModel,
                instruction + "\n\nYour previous answer could not be read. Reply with exactly \"Score: <integer from 1 to 10>\" on the first line.", ct);
        }
        catch (JudgeUnavailableException ex)
        {
            return new JudgeResult(null, null, $"judge unavailable: {ex.Message}");
        }
        return Parse(answer) is { } second
            ? new JudgeResult(second * 10, Reasoning(answer), null)
            : new JudgeResult(null, null, $"judge output could not be parsed after a retry: \"{Excerpt(answer)}\"");
    }

    public async Task<PairwiseVerdict> CompareAsync(string tenant, string provider, string judgeModel, string rubric, string prompt, string a, string b, CancellationToken ct)
    {
        try
        {
            var first = await AskPairAsync(tenant, provider, judgeModel, rubric, prompt, a, b, ct);
            var second = await AskPairAsync(tenant, provider, judgeModel, rubric, prompt, b, a, ct);
            var ab = WinnerOf(first);
            var ba = Swap(WinnerOf(second));
            if (ab is null || ba is null)
                return new PairwiseVerdict("tie", false, first, second, $"judge output could not be parsed: \"{Excerpt(ab is null ? first : second)}\"");
            var consistent = ab == ba;
            return new PairwiseVerdict(consistent ? ab : "tie", consistent, first, second, null);
        }
        catch (JudgeUnavailableException ex)
        {
            return new PairwiseVerdict("tie", false, "", "", $"judge unavailable: {ex.Message}");
        }
    }

    private Task<string> AskPairAsync(string tenant, string provider, string judgeModel, string rubric, string prompt, string first, string second, CancellationToken ct) =>
        model.CompleteAsync(tenant, provider, judgeModel, $"""
            You are an impartial judge. {Rubric(rubric)}
            Which response answers the prompt better? Ignore the order in which they are shown and their length.
            Answer with a line "Winner: A", "Winner: B" or "Winner: tie" followed by a line "Reasoning: <one paragraph>".

            [Prompt]
            {prompt}

            [Response A]
            {first}

            [Response B]
            {second}
            """, ct);

    public static double? Parse(string answer)
    {
        var match = ScorePattern().Match(answer);
        if (!match.Success) return null;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return value is >= 1 and <= 10 ? value : null;
    }

    private static string? WinnerOf(string answer) =>
        WinnerPattern().Match(answer) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;

    private static string? Swap(string? winner) => winner switch { "a" => "b", "b" => "a", _ => winner };

    private static string Rubric(string rubric) => string.IsNullOrWhiteSpace(rubric) ? DefaultRubric : rubric;

    private static string Reasoning(string answer)
    {
        var at = answer.IndexOf("Reasoning:", StringComparison.OrdinalIgnoreCase);
        return (at >= 0 ? answer[(at + "Reasoning:".Length)..] : answer).Trim();
    }

    private static string Excerpt(string answer) => answer.Length <= 200 ? answer : answer[..200] + "…";
}
