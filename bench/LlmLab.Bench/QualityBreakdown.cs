using System.Diagnostics;
using LlmLab.Quality.Metrics;
using LlmLab.Quality.Text;

namespace LlmLab.Bench;

/// <summary>Microseconds per 200-word response spent in each metric, to show where the scoring time goes.</summary>
public static class QualityBreakdown
{
    public static void Run(List<string> texts)
    {
        var prompt = PromptAnalysis.Of(Texts.Prompt);
        var analyzed = texts.Select(t => new AnalyzedText(t)).ToList();
        var steps = new (string Name, Action<int> Step)[]
        {
            ("tokenize+sentences+syllables", i => _ = new AnalyzedText(texts[i])),
            ("readability", i => Readability.Score(analyzed[i])),
            ("coherence", i => Coherence.Score(analyzed[i])),
            ("completeness", i => Completeness.Score(analyzed[i], prompt.Requested, "stop")),
            ("creativity", i => Creativity.Score(analyzed[i], prompt)),
            ("specificity", i => Specificity.Score(analyzed[i])),
            ("relevance", i => Relevance.Score(analyzed[i], prompt)),
            ("sentiment", i => Sentiment.Compound(analyzed[i])),
            ("repetition", i => Repetition.Score(analyzed[i])),
        };
        foreach (var (name, step) in steps)
        {
            for (var i = 0; i < texts.Count; i++) step(i);
            var watch = Stopwatch.StartNew();
            for (var round = 0; round < 4; round++) for (var i = 0; i < texts.Count; i++) step(i);
            Console.WriteLine($"  {name,-30} {watch.Elapsed.TotalMicroseconds / (4.0 * texts.Count),8:F1} µs");
        }
    }
}
