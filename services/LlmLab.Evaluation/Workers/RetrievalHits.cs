using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Workers;

/// <summary>
/// Where the first retrieved chunk holding a supporting fact ranks: a chunk holds a fact when it comes from the fact's
/// document (same title) or contains the fact's sentence. 0: none did; null: the item has no supporting facts.
/// </summary>
public static class RetrievalHits
{
    public static int? FirstHitRank(IReadOnlyList<RetrievedPassage> retrieved, IReadOnlyList<SupportingFact> facts)
    {
        if (facts.Count == 0) return null;
        for (var i = 0; i < retrieved.Count; i++)
        {
            var chunk = retrieved[i];
            if (facts.Any(f => (f.Title.Length > 0 && Same(f.Title, chunk.DocumentTitle))
                               || (f.Text.Length > 0 && chunk.Text.Contains(f.Text, StringComparison.OrdinalIgnoreCase))))
                return i + 1;
        }
        return 0;
    }

    private static bool Same(string title, string documentTitle) =>
        string.Equals(title.Trim(), Path.GetFileNameWithoutExtension(documentTitle.Trim()), StringComparison.OrdinalIgnoreCase)
        || string.Equals(title.Trim(), documentTitle.Trim(), StringComparison.OrdinalIgnoreCase);
}
