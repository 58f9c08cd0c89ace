using System.Diagnostics;
using LlmLab.Quality.Metrics.Reference;

namespace LlmLab.Bench;

/// <summary>
/// Reference metrics (exact_match, f1, substring_match, bleu, rouge_l, rouge_l_stemmed, numeric_match) per
/// (prediction, reference) pair on one thread, over generated pairs of the three kinds evaluations hold: short QA
/// answers, two-sentence summaries and one-sentence translations. Prints the median of 5 rounds; target 20,000.
/// </summary>
public static class ReferenceMetricsBench
{
    private const int Rounds = 5;

    public static void Run()
    {
        var pairs = Pairs(3_000);
        Console.WriteLine($"reference metrics: {pairs.Count} pairs (QA, summaries, translations), one thread, {Environment.ProcessorCount} cores");
        foreach (var (p, r) in pairs.Take(300)) ReferenceMetrics.Best(p, [r]);   // warm-up
        var rates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var scored = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(2))
            {
                foreach (var (p, r) in pairs) ReferenceMetrics.Best(p, [r]);
                scored += pairs.Count;
            }
            rates.Add(scored / watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"reference metrics: median {Texts.Median(rates):F0} pairs/s on one core (rounds: {string.Join(", ", rates.Select(r => r.ToString("F0")))}); target 20000");
    }

    private static List<(string Prediction, string Reference)> Pairs(int count)
    {
        string[] words = ["the", "rain", "cloud", "forms", "water", "droplets", "grow", "heavy", "falls", "because", "gravity", "pulls",
            "them", "down", "when", "air", "cools", "vapour", "condenses", "into", "tiny", "ice", "crystals", "Paris", "capital", "France",
            "1,000", "U.S.A.", "well-known", "running", "generously", "summaries", "translation", "quickly", "of", "a", "is", "and"];
        var random = new Random(7);
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)])) + ".";
        var pairs = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            pairs.Add((i % 3) switch
            {
                0 => (Sentence(random.Next(1, 6)), Sentence(random.Next(1, 4))),                                      // QA
                1 => (Sentence(random.Next(15, 30)) + " " + Sentence(random.Next(15, 30)), Sentence(random.Next(20, 40))), // summary
                _ => (Sentence(random.Next(12, 25)), Sentence(random.Next(12, 25))),                                   // translation
            });
        }
        return pairs;
    }
}
