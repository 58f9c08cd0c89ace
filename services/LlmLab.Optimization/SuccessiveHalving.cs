namespace LlmLab.Optimization;

/// <summary>
/// Successive halving (Jamieson and Talwalkar 2016) over a finite grid, planned by <see cref="HalvingPlan"/>: round k is
/// rung k. Rung 0 draws its configurations at random (seeded) when the budget cannot cover the whole grid; every later
/// rung keeps the best of the previous rung's configurations by mean score and brings them to the rung's calls. It stops
/// when the plan is done (one configuration left, or the survivors have every call the grid allows).
/// </summary>
public sealed class SuccessiveHalving : ISearchStrategy
{
    public SearchStep Next(SearchSpace space, SearchProgress progress)
    {
        var plan = HalvingPlan.For(space.Count, space.MaxRepetitions, progress.BudgetCalls);
        if (plan.Count == 0) return new SearchStep.Stop("the budget is too small for one call");
        var k = progress.Rounds.Count;
        if (k >= plan.Count)
        {
            return new SearchStep.Stop(plan[^1].Configurations == 1
                ? "successive halving has narrowed the grid to one configuration"
                : "the surviving configurations have every repetition the grid allows");
        }

        IEnumerable<int> chosen = k == 0
            ? FirstRung(space.Count, plan[0].Configurations, progress)
            : SearchBest.Ranked(progress.Rounds[k - 1].Select(r => r.Configuration).Distinct(), progress).Take(plan[k].Configurations);
        var requests = chosen.Select(c => new TrialRequest(c, plan[k].Calls - progress.CallsOf(c))).Where(r => r.Calls > 0).ToList();
        return Fit(requests, progress.CallsLeft) is { Count: > 0 } fitted
            ? new SearchStep.Evaluate(fitted)
            : new SearchStep.Stop("the budget is spent");
    }

    private static IEnumerable<int> FirstRung(int configurations, int take, SearchProgress progress)
    {
        if (take >= configurations) return Enumerable.Range(0, configurations);
        var order = Enumerable.Range(0, configurations).ToArray();
        progress.RandomFor("halving").Shuffle(order);
        return order.Take(take).Order();
    }

    /// <summary>The requests in order, cut where the budget ends.</summary>
    private static List<TrialRequest> Fit(List<TrialRequest> requests, int callsLeft)
    {
        var fitted = new List<TrialRequest>();
        foreach (var r in requests)
        {
            if (callsLeft <= 0) break;
            var calls = Math.Min(r.Calls, callsLeft);
            fitted.Add(r with { Calls = calls });
            callsLeft -= calls;
        }
        return fitted;
    }
}
