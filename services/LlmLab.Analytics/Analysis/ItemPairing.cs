using System.Globalization;

namespace LlmLab.Analytics.Analysis;

/// <summary>One scored response of a run as a comparison sees it: its identity, its grid position, its parameters and the metric.</summary>
public sealed record RunItem(string? Identity, string? Key, double? Value, string Model, double Temperature, double TopP, int MaxTokens,
    double FrequencyPenalty, double PresencePenalty);

/// <summary>The items two runs share, paired by identity; why none are shared when none are.</summary>
public sealed record Pairing(IReadOnlyList<(double A, double B, string Key)> Pairs, int UnpairedA, int UnpairedB, string? NoSharedItemReason);

/// <summary>
/// Pairs the responses of two runs by item identity (<see cref="LlmLab.Contracts.Messages.ItemIdentity"/>: equal
/// parameters and repetition, or the same dataset item), never by position in the grid. Items missing the metric on
/// either side are left out and counted as unpaired.
/// </summary>
public static class ItemPairing
{
    public static Pairing Pair(IReadOnlyList<RunItem> a, IReadOnlyList<RunItem> b)
    {
        var byIdentity = new Dictionary<string, RunItem>(StringComparer.Ordinal);
        foreach (var item in b)
        {
            if (item.Identity is { } id && item.Value is not null) byIdentity.TryAdd(id, item);
        }
        var pairs = new List<(double, double, string)>();
        foreach (var item in a.Where(x => x.Identity is not null && x.Value is not null).OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            if (!byIdentity.TryGetValue(item.Identity!, out var other)) continue;
            var key = item.Key == other.Key ? item.Key ?? "" : $"{item.Key} ~ {other.Key}";
            pairs.Add((item.Value!.Value, other.Value!.Value, key));
        }
        return new Pairing(pairs, a.Count - pairs.Count, b.Count - pairs.Count, pairs.Count > 0 ? null : Reason(a, b));
    }

    private static string Reason(IReadOnlyList<RunItem> a, IReadOnlyList<RunItem> b)
    {
        const string rule = "items pair only when temperature, top_p, max_tokens, penalties, repetition and the prompt and model a grid varies are all equal";
        if (a.Count == 0 || b.Count == 0) return $"{(a.Count == 0 ? "run_a" : "run_b")} has no scored response with this metric.";
        if (a.All(x => x.Identity is null) || b.All(x => x.Identity is null))
            return "the runs' responses were recorded before item identities existed; rebuild the read model (POST /api/analytics/rebuild).";
        var differences = new List<string>();
        Compare(differences, "temperature", a, b, x => F(x.Temperature));
        Compare(differences, "top_p", a, b, x => F(x.TopP));
        Compare(differences, "max_tokens", a, b, x => x.MaxTokens.ToString(CultureInfo.InvariantCulture));
        Compare(differences, "frequency_penalty", a, b, x => F(x.FrequencyPenalty));
        Compare(differences, "presence_penalty", a, b, x => F(x.PresencePenalty));
        var where = differences.Count > 0 ? string.Join("; ", differences) : "their grids' prompts, models or repetition counts differ";
        return $"run_a and run_b share no item: {rule}, and {where}.";
    }

    private static void Compare(List<string> differences, string name, IReadOnlyList<RunItem> a, IReadOnlyList<RunItem> b, Func<RunItem, string> value)
    {
        var inA = a.Select(value).ToHashSet(StringComparer.Ordinal);
        var inB = b.Select(value).ToHashSet(StringComparer.Ordinal);
        if (!inA.Overlaps(inB)) differences.Add($"{name} is {List(inA)} in run_a but {List(inB)} in run_b");
    }

    private static string List(HashSet<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal).Take(5)) + (values.Count > 5 ? ", …" : "");

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
