using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Evaluation.Datasets;

/// <summary>
/// The one home of a dataset item's rules: a question, at least one non-empty answer, bounded text (TextRules), at most
/// 50 supporting facts and metadata entries, ids unique within the upload. Messages name the line when the format has lines.
/// </summary>
public static class ItemRules
{
    public const int MaxFacts = 50;
    public const int MaxMetadata = 50;
    public const int MaxAnswers = 100;

    /// <summary>Validates <paramref name="draft"/> (item <paramref name="index"/>, on <paramref name="line"/> when known) and adds it or its errors.</summary>
    public static void Add(ParsedItems parsed, ItemDraft draft, int index, int? line)
    {
        var at = line is { } l ? $"line {l}: " : "";
        var prefix = $"items[{index}]";
        var before = parsed.Errors.Count;
        void Error(string field, string message) => parsed.Error($"{prefix}.{field}", at + message);
        void Text(string field, string? text, int max)
        {
            if (TextRules.Problem(text, max) is { } problem) Error(field, problem);
        }

        if (string.IsNullOrWhiteSpace(draft.Question)) Error("question", "is required.");
        Text("question", draft.Question, TextRules.MaxPrompt);
        Text("id", draft.Id, TextRules.MaxName);
        if (draft.Answers.Count == 0 || draft.Answers.All(string.IsNullOrWhiteSpace)) Error("answers", "must hold at least one non-empty answer.");
        if (draft.Answers.Count > MaxAnswers) Error("answers", $"must hold at most {MaxAnswers} answers.");
        for (var i = 0; i < draft.Answers.Count; i++) Text($"answers[{i}]", draft.Answers[i], TextRules.MaxDescription);
        Text("context", draft.Context, TextRules.MaxPrompt);
        if (draft.SupportingFacts.Count > MaxFacts) Error("supporting_facts", $"must hold at most {MaxFacts} facts.");
        for (var i = 0; i < draft.SupportingFacts.Count; i++)
        {
            Text($"supporting_facts[{i}].title", draft.SupportingFacts[i].Title, TextRules.MaxName);
            Text($"supporting_facts[{i}].text", draft.SupportingFacts[i].Text, TextRules.MaxDescription);
        }
        if (draft.Metadata.Count > MaxMetadata) Error("metadata", $"must hold at most {MaxMetadata} entries.");
        foreach (var (key, value) in draft.Metadata)
        {
            Text("metadata", key, TextRules.MaxName);
            Text($"metadata.{key}", value, TextRules.MaxDescription);
        }
        if (draft.Id is { } id && parsed.Items.Any(i => i.Id == id)) Error("id", $"'{id}' is used by an earlier item; ids must be unique.");
        if (parsed.Errors.Count == before)
        {
            parsed.Items.Add(draft with { Answers = draft.Answers.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList() });
        }
    }

    public static SupportingFact Fact(string title, string text) => new(title.Trim(), text.Trim());
}
