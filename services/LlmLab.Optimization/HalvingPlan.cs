namespace LlmLab.Optimization;

/// <summary>One rung of successive halving: how many configurations take part and the calls each has after it.</summary>
public sealed record Rung(int Configurations, int Calls);

/// <summary>
/// The rungs of successive halving for a space and budget: rung 0 gives n₀ configurations one call each; each next rung
/// keeps the best 1/η (rounded up) and brings each survivor to η times the calls, capped at the grid's repetitions. The
/// rungs end when one configuration is left or the survivors have every call the grid allows. n₀ is the largest number
/// of configurations (at most the grid's) whose whole plan fits the budget.
/// </summary>
public static class HalvingPlan
{
    public const int Eta = 3;

    public static IReadOnlyList<Rung> For(int configurations, int maxRepetitions, int budgetCalls)
    {
        var (low, high) = (1, configurations);
        if (Cost(Rungs(1, maxRepetitions)) > budgetCalls) return [];
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Cost(Rungs(mid, maxRepetitions)) <= budgetCalls) low = mid;
            else high = mid - 1;
        }
        return Rungs(low, maxRepetitions);
    }

    public static List<Rung> Rungs(int first, int maxRepetitions)
    {
        var rungs = new List<Rung> { new(first, 1) };
        while (rungs[^1].Configurations > 1 && rungs[^1].Calls < maxRepetitions)
        {
            var last = rungs[^1];
            rungs.Add(new Rung((last.Configurations + Eta - 1) / Eta, Math.Min(maxRepetitions, last.Calls * Eta)));
        }
        return rungs;
    }

    /// <summary>Calls of the whole plan: each rung pays its survivors' new calls.</summary>
    public static long Cost(IReadOnlyList<Rung> rungs)
    {
        long cost = 0;
        for (var k = 0; k < rungs.Count; k++) cost += (long)rungs[k].Configurations * (rungs[k].Calls - (k == 0 ? 0 : rungs[k - 1].Calls));
        return cost;
    }
}
