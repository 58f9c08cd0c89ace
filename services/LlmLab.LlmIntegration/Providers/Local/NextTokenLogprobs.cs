using System.Text;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>
/// The log-probabilities the engine gave the next token: its candidates' scores (penalties applied) normalised with a
/// log-sum-exp. Temperature and top_p change which token is drawn, not these probabilities — as in OpenAI's logprobs.
/// </summary>
public static class NextTokenLogprobs
{
    public const int MaxTop = 20;

    /// <param name="sorted">The candidates as the sampler left them: scores descending.</param>
    /// <param name="textBefore">The output before this token, which decides the spacing of each alternative.</param>
    public static TokenLogprob Of(ReadOnlySpan<(int Token, double Logit)> sorted, int chosen, string chosenText, int top,
        StringBuilder textBefore, Func<int, string> tokenOf)
    {
        var max = sorted[0].Logit;
        var sum = 0.0;
        var chosenLogit = double.NegativeInfinity;
        foreach (var (token, logit) in sorted)
        {
            sum += Math.Exp(logit - max);
            if (token == chosen) chosenLogit = logit;
        }
        var logSum = max + Math.Log(sum);
        var alternatives = new List<TopLogprob>(Math.Min(top, sorted.Length));
        for (var i = 0; i < Math.Min(Math.Min(top, MaxTop), sorted.Length); i++)
        {
            alternatives.Add(new TopLogprob(Spaced(textBefore, tokenOf(sorted[i].Token)), sorted[i].Logit - logSum));
        }
        return new TokenLogprob(chosenText, chosenLogit - logSum, alternatives);
    }

    /// <summary>The token as it would be appended to the text so far (with or without a leading space).</summary>
    private static string Spaced(StringBuilder textBefore, string token)
    {
        var scratch = new StringBuilder();
        if (textBefore.Length > 0) scratch.Append(textBefore[^1]);
        LocalTokenizer.Append(scratch, token);
        return textBefore.Length > 0 ? scratch.ToString(1, scratch.Length - 1) : scratch.ToString();
    }
}
