namespace LlmLab.Optimization;

/// <summary>A point of the trajectory: after a round, the calls spent and the best configuration then.</summary>
public sealed record SearchPoint(int CallsSpent, BestConfiguration? Best);

/// <summary>The end of a search: every configuration's results, the trajectory, and why it stopped.</summary>
public sealed record SearchOutcome(SearchProgress Progress, IReadOnlyList<SearchPoint> Trajectory, string StopReason)
{
    public BestConfiguration? Best => SearchBest.Of(Progress.Results);
}

/// <summary>
/// Runs a strategy to its end against a score function in memory (repetition r of configuration c → a score, or null
/// for a failed call): the loop the platform's runner follows, without the platform, for tests and the bench.
/// </summary>
public static class OfflineSearch
{
    public static SearchOutcome Run(ISearchStrategy strategy, SearchSpace space, int budgetCalls, long seed, Func<int, int, double?> score)
    {
        var progress = SearchProgress.Start(budgetCalls, seed);
        var trajectory = new List<SearchPoint>();
        while (true)
        {
            var step = strategy.Next(space, progress);
            if (step is SearchStep.Stop stop) return new SearchOutcome(progress, trajectory, stop.Reason);
            var requests = ((SearchStep.Evaluate)step).Requests;
            progress = Apply(progress, requests, score);
            trajectory.Add(new SearchPoint(progress.CallsSpent, SearchBest.Of(progress.Results)));
        }
    }

    /// <summary>The progress after a round's calls were made; each call of a configuration is its next repetition.</summary>
    public static SearchProgress Apply(SearchProgress progress, IReadOnlyList<TrialRequest> requests, Func<int, int, double?> score)
    {
        var results = progress.Results.ToDictionary(r => r.Key, r => r.Value);
        foreach (var request in requests)
        {
            var before = results.GetValueOrDefault(request.Configuration) ?? new ConfigurationResult(0, []);
            var scores = before.Scores.ToList();
            for (var r = before.Calls; r < before.Calls + request.Calls; r++)
            {
                if (score(request.Configuration, r) is { } s) scores.Add(s);
            }
            results[request.Configuration] = new ConfigurationResult(before.Calls + request.Calls, scores);
        }
        return progress with { Rounds = [.. progress.Rounds, requests], Results = results };
    }
}
