using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Datasets;

/// <summary>A dataset item as read from an upload, before it is stored.</summary>
public sealed record ItemDraft(string? Id, string Question, List<string> Answers, string? Context, List<SupportingFact> SupportingFacts,
    Dictionary<string, string> Metadata);

/// <summary>What an upload held: its items, or the problems of its rows keyed by field (<c>items[12].answers</c>).</summary>
public sealed class ParsedItems
{
    public List<ItemDraft> Items { get; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];

    public void Error(string field, string message) => Errors.TryAdd(field, [message]);
}
