namespace LlmLab.Quality.Metrics.Reference;

/// <summary>Corpus BLEU of (hypothesis, references) segments: the one entry point REST and gRPC share.</summary>
public static class CorpusBleu
{
    public static CorpusBleuResult Of(IReadOnlyList<(string Hypothesis, IReadOnlyList<string> References)> segments) =>
        SacreBleu.CorpusDetailed(segments.Select(s => s.Hypothesis).ToList(), segments.Select(s => s.References).ToList());
}
