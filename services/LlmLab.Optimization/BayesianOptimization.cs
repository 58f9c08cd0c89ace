using MathNet.Numerics.Distributions;

namespace LlmLab.Optimization;

/// <summary>
/// Bayesian optimisation over a finite grid: a Gaussian process (<see cref="GaussianProcess"/>) on each configuration's
/// mean score, expected improvement over the best posterior mean among measured configurations. Round 0 calls a random
/// (seeded) set of configurations once; every later round calls the q configurations of highest expected improvement,
/// each chosen after the previous ones' neighbourhoods were damped (local penalisation, so a round spreads out). A
/// configuration may be called again, up to the grid's repetitions. Exploring ends when 70 % of the budget is spent or
/// when confident: no configuration's expected improvement reaches 0.1 % of the best score. Then one confirming round
/// spends the rest of the budget bringing the configurations of highest posterior mean, best first, to every repetition
/// the grid allows, so the best is a configuration measured as often as any (<see cref="SearchBest"/>); then it stops.
/// </summary>
public sealed class BayesianOptimization : ISearchStrategy
{
    /// <summary>Confident when the largest expected improvement is below this fraction of the best score.</summary>
    public const double ConfidentImprovement = 0.001;
    private const double Exploration = 0.01;
    public const double ExploringShare = 0.7;

    public SearchStep Next(SearchSpace space, SearchProgress progress)
    {
        if (IsConfirming(progress)) return new SearchStep.Stop(ConfirmedReason);
        var left = progress.CallsLeft;
        if (left <= 0) return new SearchStep.Stop("the budget is spent");
        var open = Enumerable.Range(0, space.Count).Where(c => progress.CallsOf(c) < space.MaxRepetitions).ToList();
        if (open.Count == 0) return new SearchStep.Stop("every call of the grid has been made");
        if (progress.Rounds.Count == 0) return Initial(space, progress, open);

        var measured = progress.Results.Where(r => r.Value.Scores.Count > 0).Select(r => r.Key).Order().ToList();
        if (measured.Count == 0) return Initial(space, progress, open);
        var gp = GaussianProcess.Fit(measured.Select(c => space.Features[c]).ToList(), measured.Select(c => progress.MeanOf(c)!.Value).ToList(),
            measured.Select(c => progress.Results[c].Scores.Count).ToList());
        var incumbent = measured.Max(c => gp.Predict(space.Features[c]).Mean);
        var improvement = open.ToDictionary(c => c, c => ExpectedImprovement(gp.Predict(space.Features[c]), incumbent, Exploration * Scale(progress)));
        var best = SearchBest.Of(progress.Results)!.Score;
        if (improvement.Values.Max() < ConfidentImprovement * Math.Abs(best))
            return Confirm(space, progress, gp, measured, $"confident: no configuration's expected improvement reaches {ConfidentImprovement:P1} of the best score");
        if (progress.CallsSpent >= ExploringShare * progress.BudgetCalls) return Confirm(space, progress, gp, measured, "explored 70 % of the budget");

        var requests = new List<TrialRequest>();
        var exploring = Math.Max(1, (int)(ExploringShare * progress.BudgetCalls) - progress.CallsSpent);
        for (var q = Math.Min(Math.Min(RoundSize(progress.BudgetCalls), left), exploring); q > 0 && improvement.Count > 0; q--)
        {
            var (chosen, _) = improvement.OrderByDescending(e => e.Value).ThenBy(e => e.Key).First();
            requests.Add(new TrialRequest(chosen, 1));
            improvement.Remove(chosen);
            foreach (var c in improvement.Keys.ToList())
                improvement[c] *= 1 - GaussianProcess.Kernel(space.Features[c], space.Features[chosen], gp.LengthScale);
        }
        return new SearchStep.Evaluate(requests);
    }

    private const string ConfirmedReason = "confirmed the most promising configurations with every repetition the grid allows";

    /// <summary>The confirming round is the last.</summary>
    private static bool IsConfirming(SearchProgress progress) => progress.Rounds.Count > 0 && progress.Rounds[^1].Any(r => r.Confirms);

    /// <summary>The last round: the best configurations by posterior mean brought to the grid's repetitions, as far as the budget goes.</summary>
    private static SearchStep Confirm(SearchSpace space, SearchProgress progress, GaussianProcess gp, List<int> measured, string why)
    {
        var left = progress.CallsLeft;
        var requests = new List<TrialRequest>();
        foreach (var c in measured.OrderByDescending(c => gp.Predict(space.Features[c]).Mean).ThenBy(c => c))
        {
            var calls = Math.Min(left, space.MaxRepetitions - progress.CallsOf(c));
            if (calls <= 0) continue;
            if (left <= 0) break;
            requests.Add(new TrialRequest(c, calls, Confirms: true));
            left -= calls;
        }
        return requests.Count > 0 ? new SearchStep.Evaluate(requests) : new SearchStep.Stop(why);
    }

    /// <summary>Calls per round: a tenth of the budget, 1 to 16 (a round's calls run in parallel on the platform).</summary>
    public static int RoundSize(int budgetCalls) => Math.Clamp(budgetCalls / 10, 1, 16);

    /// <summary>The initial design: max(5, 2 × features) configurations at random, at most a third of the budget.</summary>
    private static SearchStep.Evaluate Initial(SearchSpace space, SearchProgress progress, List<int> open)
    {
        var size = Math.Min(open.Count, Math.Max(1, Math.Min(progress.CallsLeft, Math.Max(5, 2 * space.Features[0].Length))));
        size = Math.Min(size, Math.Max(1, progress.BudgetCalls / 3));
        var order = open.ToArray();
        progress.RandomFor("initial").Shuffle(order);
        return new SearchStep.Evaluate(order.Take(size).Order().Select(c => new TrialRequest(c, 1)).ToList());
    }

    /// <summary>The spread of the measured means, which sets the exploration margin in the scores' units.</summary>
    private static double Scale(SearchProgress progress)
    {
        var means = progress.Results.Values.Where(r => r.Mean is not null).Select(r => r.Mean!.Value).ToList();
        if (means.Count < 2) return 1;
        var mean = means.Average();
        return Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (means.Count - 1));
    }

    public static double ExpectedImprovement((double Mean, double StdDev) prediction, double incumbent, double margin)
    {
        var (mean, sd) = prediction;
        if (sd < 1e-12) return Math.Max(0, mean - incumbent - margin);
        var z = (mean - incumbent - margin) / sd;
        return (mean - incumbent - margin) * Normal.CDF(0, 1, z) + sd * Normal.PDF(0, 1, z);
    }
}
