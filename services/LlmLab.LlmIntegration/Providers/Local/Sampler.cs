namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>Draws one token from candidate logits: penalties, temperature, top-k, then nucleus (top-p) truncation.</summary>
public static class Sampler
{
    /// <param name="logits">Candidate token ids with their log-probabilities; reordered in place.</param>
    /// <param name="generatedCounts">How often each token already appeared in the output (for the penalties).</param>
    public static int Sample(Span<(int Token, double Logit)> logits, SamplingSettings settings, IReadOnlyDictionary<int, int> generatedCounts, Random random)
    {
        if (logits.IsEmpty) throw new ArgumentException("No candidates to sample from.", nameof(logits));

        for (var i = 0; i < logits.Length; i++)
        {
            var count = generatedCounts.GetValueOrDefault(logits[i].Token);
            if (count > 0)
            {
                logits[i].Logit -= settings.FrequencyPenalty * count + settings.PresencePenalty;
            }
        }

        logits.Sort(static (a, b) => b.Logit.CompareTo(a.Logit) is var c && c != 0 ? c : a.Token.CompareTo(b.Token));
        if (settings.Temperature <= 0)
        {
            return logits[0].Token;
        }

        var kept = settings.TopK > 0 ? Math.Min(settings.TopK, logits.Length) : logits.Length;
        Span<double> probabilities = kept <= 512 ? stackalloc double[kept] : new double[kept];
        var max = logits[0].Logit / settings.Temperature;
        var sum = 0.0;
        for (var i = 0; i < kept; i++)
        {
            probabilities[i] = Math.Exp(logits[i].Logit / settings.Temperature - max);
            sum += probabilities[i];
        }

        // Nucleus: the smallest prefix (by descending probability) whose mass reaches top_p.
        var cumulative = 0.0;
        var nucleus = kept;
        for (var i = 0; i < kept; i++)
        {
            cumulative += probabilities[i] / sum;
            if (cumulative >= settings.TopP - 1e-9)
            {
                nucleus = i + 1;
                break;
            }
        }

        var nucleusMass = 0.0;
        for (var i = 0; i < nucleus; i++) nucleusMass += probabilities[i];
        var draw = random.NextDouble() * nucleusMass;
        for (var i = 0; i < nucleus; i++)
        {
            draw -= probabilities[i];
            if (draw <= 0) return logits[i].Token;
        }
        return logits[nucleus - 1].Token;
    }
}
