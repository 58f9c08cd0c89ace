using System.Collections.Concurrent;
using LlmLab.Quality.Metrics;

namespace LlmLab.Quality.Text;

/// <summary>
/// What the metrics need from a prompt, analysed once per distinct prompt: a batch scores many responses to one
/// prompt. The cache is bounded; when full it starts over.
/// </summary>
public sealed class PromptAnalysis
{
    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<string, PromptAnalysis> Cache = new(StringComparer.Ordinal);

    public AnalyzedText Text { get; }
    public RequestedParts Requested { get; }
    public HashSet<string> ContentStems { get; }

    private PromptAnalysis(string prompt)
    {
        Text = new AnalyzedText(prompt);
        Requested = RequestedParts.Of(prompt);
        ContentStems = Text.ContentStems().ToHashSet(StringComparer.Ordinal);
    }

    public static PromptAnalysis Of(string prompt)
    {
        if (Cache.TryGetValue(prompt, out var cached)) return cached;
        if (Cache.Count >= CacheLimit) Cache.Clear();
        return Cache.GetOrAdd(prompt, p => new PromptAnalysis(p));
    }
}
