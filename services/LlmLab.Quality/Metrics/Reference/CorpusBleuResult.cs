namespace LlmLab.Quality.Metrics.Reference;

/// <summary>sacreBLEU's corpus BLEU with the statistics it prints (the verbose score), and the settings' signature.</summary>
public sealed record CorpusBleuResult(double Score, long[] Counts, long[] Totals, double[] Precisions, double BrevityPenalty,
    long HypothesisLength, long ReferenceLength, string Signature)
{
    /// <summary>What sacreBLEU 2.x's signature says of our fixed settings (nrefs varies per segment here).</summary>
    public const string SignatureOfSettings = "nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp|version:2.x";
}
