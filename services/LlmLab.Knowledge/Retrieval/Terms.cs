using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// The one tokenizer of the knowledge base: Lucene's English analyzer (standard tokenizer, lower case, stop words,
/// Porter stemming), so BM25, the local embedding and the reranker agree on what a term is.
/// </summary>
public static class Terms
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Analyzers reuse their token streams per thread, so one instance serves every caller.
    public static readonly EnglishAnalyzer Analyzer = new(Version);

    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
