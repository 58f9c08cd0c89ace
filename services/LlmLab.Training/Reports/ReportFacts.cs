using System.Globalization;

namespace LlmLab.Training.Reports;

/// <summary>The report's key figures as label/value lines, the same in HTML and PDF.</summary>
public static class ReportFacts
{
    public static IReadOnlyList<(string Label, string Value)> Of(TrainingReport r)
    {
        static string N(double? v, string format = "0.0000") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "-";
        var s = r.Settings;
        return
        [
            ("Architecture", $"{r.Architecture}, {s.Layers} layer(s), embedding {s.EmbeddingSize}, hidden {s.HiddenSize}, {r.Parameters} parameters"),
            ("Settings", $"epochs {s.Epochs}, batch_size {s.BatchSize}, learning_rate {s.LearningRate.ToString(CultureInfo.InvariantCulture)}, context_length {s.ContextLength}, holdout_fraction {s.HoldoutFraction.ToString(CultureInfo.InvariantCulture)}, seed {s.Seed}"),
            ("Tokens", $"{r.Tokens.Train} training, {r.Tokens.Holdout} held out ({r.Tokens.Unit}s; vocabulary {r.VocabularySize})"),
            ("Steps", $"{r.Steps} over {r.Epochs} epoch(s); resumed {r.Resumes} time(s)"),
            ("Duration", $"{N(r.DurationSeconds, "0.0")} s wall clock, {N(r.TrainingSeconds, "0.0")} s training"),
            ("Training loss (last epoch)", $"{N(r.Final.TrainLoss)} nats/char, perplexity {N(r.Final.TrainPerplexity, "0.00")}"),
            ("Held-out loss", $"{N(r.Final.HoldoutLoss)} nats/char, perplexity {N(r.Final.HoldoutPerplexity, "0.00")}"),
        ];
    }
}
