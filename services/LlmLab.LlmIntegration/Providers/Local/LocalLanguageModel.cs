namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>An interpolated trigram model trained on the text the project ships (Corpus/*.txt, embedded).</summary>
public sealed class LocalLanguageModel
{
    public Vocabulary Vocabulary { get; } = new();
    public NGramCounts Counts { get; } = new();
    public int StartId { get; }
    public int EndId { get; }
    public TopicIndex Topics { get; }

    /// <summary>Next-token candidates kept per corpus context (see <see cref="NGramCounts.Freeze"/>).</summary>
    public const int CandidatesPerContext = 128;

    public LocalLanguageModel(IEnumerable<string> documents)
    {
        StartId = Vocabulary.IdOf(LocalTokenizer.DocumentStart);
        EndId = Vocabulary.IdOf(LocalTokenizer.DocumentEnd);
        var paragraphs = new List<string>();
        foreach (var document in documents)
        {
            foreach (var paragraph in document.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Counts.Add(Frame(Vocabulary, paragraph));
                paragraphs.Add(paragraph);
            }
        }
        Topics = new TopicIndex(paragraphs);
        Counts.Freeze(CandidatesPerContext);
    }

    /// <summary>The paragraph's tokens between two start markers and an end marker.</summary>
    public int[] Frame(Vocabulary vocabulary, string paragraph) =>
        [StartId, StartId, .. vocabulary.IdsOf(LocalTokenizer.Tokenize(paragraph)), EndId];

    public static LocalLanguageModel FromEmbeddedCorpus()
    {
        var assembly = typeof(LocalLanguageModel).Assembly;
        var documents = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Corpus.", StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            })
            .ToList();
        if (documents.Count == 0) throw new InvalidOperationException("The local engine's corpus is missing from the assembly.");
        return new LocalLanguageModel(documents);
    }
}
