namespace LlmLab.Batch.Analysis;

/// <summary>One run's response to one item: its identity (combination:repetition), parameters, text and overall score.</summary>
public sealed record ComparedResponse(Guid RunId, int CombinationIndex, int Repetition, Guid ResponseId, string Content, double Temperature, double TopP,
    int MaxTokens, double FrequencyPenalty, double PresencePenalty, double? OverallScore);

public sealed record ComparedOutput(Guid ResponseId, string Content, double? OverallScore);

/// <summary>One item across the runs: its parameters (the first run's that has it) and each run's output, null where it has none.</summary>
public sealed record ComparedItem(string ItemKey, IReadOnlyDictionary<string, double> Parameters, bool ParametersDiffer, bool Changed,
    IReadOnlyList<ComparedOutput?> Outputs);

/// <summary>
/// Pairs the responses of 2–6 runs by the server's item identity (the work item's combination index and repetition, as
/// analytics' method comparison does), in grid order. An item is "changed" when any run's text differs from the first
/// run's or a run has no response for it.
/// </summary>
public static class RunComparison
{
    public static IReadOnlyList<ComparedItem> Pair(IReadOnlyList<Guid> runs, IEnumerable<ComparedResponse> responses)
    {
        var byItem = responses.GroupBy(r => (r.CombinationIndex, r.Repetition)).OrderBy(g => g.Key.CombinationIndex).ThenBy(g => g.Key.Repetition);
        var items = new List<ComparedItem>();
        foreach (var group in byItem)
        {
            var perRun = runs.Select(run => group.FirstOrDefault(r => r.RunId == run)).ToList();
            var first = perRun.First(r => r is not null)!;
            var outputs = perRun.Select(r => r is null ? null : new ComparedOutput(r.ResponseId, r.Content, r.OverallScore)).ToList();
            var changed = perRun.Any(r => r is null || r.Content != perRun[0]?.Content);
            var differ = perRun.Any(r => r is not null && Parameters(r).Any(p => Parameters(first)[p.Key] != p.Value));
            items.Add(new ComparedItem($"{group.Key.CombinationIndex}:{group.Key.Repetition}", Parameters(first), differ, changed, outputs));
        }
        return items;
    }

    private static Dictionary<string, double> Parameters(ComparedResponse r) => new()
    {
        ["temperature"] = r.Temperature, ["top_p"] = r.TopP, ["max_tokens"] = r.MaxTokens,
        ["frequency_penalty"] = r.FrequencyPenalty, ["presence_penalty"] = r.PresencePenalty,
    };
}
