namespace LlmLab.Training.Modeling;

/// <summary>Sampling settings of one generation; null means the default (temperature 1, no top-k or top-p cut).</summary>
public sealed record SamplingSettings(double? Temperature, double? TopP, int? TopK, int MaxCharacters, long? Seed, IReadOnlyList<string> Stop);

/// <summary>Picks the next index from logits: temperature (0 = greedy), then top-k, then top-p (nucleus).</summary>
public static class Sampler
{
    public static int Pick(float[] logits, SamplingSettings settings, Random random)
    {
        var temperature = settings.Temperature ?? 1.0;
        if (temperature <= 0) return Array.IndexOf(logits, logits.Max());
        var max = logits.Max();
        var weights = logits.Select((l, i) => (Index: i, P: Math.Exp((l - max) / temperature))).OrderByDescending(x => x.P).ToList();
        if (settings.TopK is > 0 and var k) weights = weights.Take(k).ToList();
        var total = weights.Sum(x => x.P);
        if (settings.TopP is > 0 and < 1 and var p)
        {
            var kept = new List<(int Index, double P)>();
            var mass = 0.0;
            foreach (var w in weights)
            {
                kept.Add(w);
                mass += w.P / total;
                if (mass >= p) break;
            }
            weights = kept;
            total = weights.Sum(x => x.P);
        }
        var target = random.NextDouble() * total;
        foreach (var (index, weight) in weights)
        {
            target -= weight;
            if (target <= 0) return index;
        }
        return weights[^1].Index;
    }
}
