namespace LlmLab.Optimization;

/// <summary>
/// The configurations a search may choose from (a batch's grid), how many calls each may get (the grid's repetitions),
/// and each configuration as a feature vector for a surrogate model: every numeric parameter that varies scaled to 0..1
/// (max_tokens on a log scale), every categorical one (model, prompt) one-hot with weight 1/√2, so two different
/// categories are as far apart as the two ends of a numeric range.
/// </summary>
public sealed class SearchSpace
{
    public IReadOnlyList<SearchConfiguration> Configurations { get; }
    public int MaxRepetitions { get; }
    public IReadOnlyList<double[]> Features { get; }

    public SearchSpace(IReadOnlyList<SearchConfiguration> configurations, int maxRepetitions)
    {
        if (configurations.Count == 0) throw new ArgumentException("A search space needs at least one configuration.", nameof(configurations));
        if (maxRepetitions < 1) throw new ArgumentOutOfRangeException(nameof(maxRepetitions), "At least one call per configuration.");
        Configurations = configurations;
        MaxRepetitions = maxRepetitions;
        Features = Featurise(configurations);
    }

    public int Count => Configurations.Count;

    /// <summary>Every call the full grid makes.</summary>
    public long GridCalls => (long)Count * MaxRepetitions;

    private static double[][] Featurise(IReadOnlyList<SearchConfiguration> c)
    {
        var columns = new List<double[]>();
        AddNumeric(columns, c.Select(x => x.Temperature).ToArray());
        AddNumeric(columns, c.Select(x => x.TopP).ToArray());
        AddNumeric(columns, c.Select(x => x.FrequencyPenalty).ToArray());
        AddNumeric(columns, c.Select(x => x.PresencePenalty).ToArray());
        AddNumeric(columns, c.Select(x => Math.Log(x.MaxTokens)).ToArray());
        AddCategorical(columns, c.Select(x => x.Model ?? "").ToArray());
        AddCategorical(columns, c.Select(x => x.Prompt ?? "").ToArray());
        return Enumerable.Range(0, c.Count).Select(i => columns.Select(col => col[i]).ToArray()).ToArray();
    }

    private static void AddNumeric(List<double[]> columns, double[] values)
    {
        var (min, max) = (values.Min(), values.Max());
        if (max - min < 1e-12) return;
        columns.Add(values.Select(v => (v - min) / (max - min)).ToArray());
    }

    private static void AddCategorical(List<double[]> columns, string[] values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2) return;
        var weight = 1 / Math.Sqrt(2);
        foreach (var category in distinct) columns.Add(values.Select(v => v == category ? weight : 0).ToArray());
    }
}
