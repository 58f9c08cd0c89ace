using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Datasets;

/// <summary>
/// The items of a dataset's next version when people corrected some answers: every item of the base version in its
/// order, and where a corrected answer was given for the item (matched by the item's key), that answer as its only
/// reference answer. When several answers of one item were corrected (several methods or reviewers), the latest wins.
/// </summary>
public static class CorrectedVersion
{
    public sealed record Change(string ItemId, string Question, IReadOnlyList<string> PreviousAnswers, string ReferenceAnswer);

    public sealed record Corrected(string ItemKey, string Answer, DateTimeOffset At);

    public static (List<ItemDraft> Items, List<Change> Changes) Build(IReadOnlyList<DatasetItem> baseItems, IEnumerable<Corrected> corrections)
    {
        var latest = corrections.Where(c => !string.IsNullOrWhiteSpace(c.Answer)).GroupBy(c => c.ItemKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.At).First().Answer.Trim(), StringComparer.Ordinal);
        var items = new List<ItemDraft>();
        var changes = new List<Change>();
        foreach (var item in baseItems.OrderBy(i => i.Position))
        {
            var answers = item.Answers;
            if (latest.TryGetValue(item.Key, out var corrected) && !(item.Answers.Count == 1 && item.Answers[0] == corrected))
            {
                changes.Add(new Change(item.Key, item.Question, item.Answers, corrected));
                answers = [corrected];
            }
            items.Add(new ItemDraft(item.Key, item.Question, [.. answers], item.Context, [.. item.SupportingFacts], new Dictionary<string, string>(item.Metadata)));
        }
        return (items, changes);
    }
}
