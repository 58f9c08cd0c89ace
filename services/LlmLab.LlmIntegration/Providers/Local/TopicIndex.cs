using LlmLab.LlmIntegration.Providers.Local.Reading;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>
/// The corpus paragraphs a prompt is about, ranked by IDF-weighted overlap of content words. Generation draws on their
/// n-grams, so an answer about vaccines is made of text about vaccines instead of whatever the corpus holds most of.
/// </summary>
public sealed class TopicIndex
{
    private readonly IReadOnlyList<string> paragraphs;
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);

    public TopicIndex(IReadOnlyList<string> paragraphs)
    {
        this.paragraphs = paragraphs;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (var stem in TextWords.ContentStems(paragraphs[i]))
            {
                if (!postings.TryGetValue(stem, out var list)) postings[stem] = list = [];
                list.Add(i);
            }
        }
        foreach (var (stem, list) in postings) idf[stem] = Math.Log(1 + (double)paragraphs.Count / list.Count);
    }

    /// <summary>Up to <paramref name="count"/> paragraphs sharing the prompt's rarest words, best first.</summary>
    public IReadOnlyList<string> Relevant(string prompt, int count)
    {
        var scores = new Dictionary<int, double>();
        foreach (var stem in TextWords.ContentStems(prompt))
        {
            if (!postings.TryGetValue(stem, out var list)) continue;
            var weight = idf[stem];
            foreach (var paragraph in list) scores[paragraph] = scores.GetValueOrDefault(paragraph) + weight;
        }
        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(count).Select(s => paragraphs[s.Key]).ToList();
    }
}
