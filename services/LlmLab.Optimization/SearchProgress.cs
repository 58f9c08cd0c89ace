namespace LlmLab.Optimization;

/// <summary>Calls asked of one configuration in one round; <paramref name="Confirms"/> marks a strategy's last, confirming round.</summary>
public sealed record TrialRequest(int Configuration, int Calls, bool Confirms = false);

/// <summary>What one configuration's calls gave so far: how many were made (failed ones too) and the scores of those that succeeded.</summary>
public sealed record ConfigurationResult(int Calls, IReadOnlyList<double> Scores)
{
    public double? Mean => Scores.Count == 0 ? null : Scores.Average();
}

/// <summary>
/// Everything a strategy decides from: the budget, the seed, the rounds it asked for (all finished) and what every
/// configuration's calls gave. A strategy's next step is a pure function of this, so a restarted process that reads the
/// same progress back takes the same step.
/// </summary>
public sealed record SearchProgress(int BudgetCalls, long Seed, IReadOnlyList<IReadOnlyList<TrialRequest>> Rounds,
    IReadOnlyDictionary<int, ConfigurationResult> Results)
{
    public static SearchProgress Start(int budgetCalls, long seed) => new(budgetCalls, seed, [], new Dictionary<int, ConfigurationResult>());

    public int CallsSpent => Results.Values.Sum(r => r.Calls);

    public int CallsLeft => Math.Max(0, BudgetCalls - CallsSpent);

    public int CallsOf(int configuration) => Results.TryGetValue(configuration, out var r) ? r.Calls : 0;

    public double? MeanOf(int configuration) => Results.TryGetValue(configuration, out var r) ? r.Mean : null;

    /// <summary>A random source that depends only on the seed and the round, so a replayed round draws the same numbers.</summary>
    public Random RandomFor(string purpose)
    {
        // SplitMix64 over the seed, the round and the purpose: well-spread seeds from nearby inputs.
        var x = unchecked((ulong)Seed + 0x9E3779B97F4A7C15UL * (ulong)(Rounds.Count + 1));
        foreach (var ch in purpose) x = unchecked((x ^ ch) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return new Random((int)((x ^ (x >> 31)) & 0x7FFFFFFF));
    }
}
