using System.Diagnostics;
using LlmLab.Optimization;

namespace LlmLab.Bench.Optimisation;

/// <summary>
/// Auto-optimisation on three parameter spaces recorded with the built-in engine (the third with the simulated
/// provider's 5 % failed calls): for each strategy, the median over 5 seeds of the calls used as a fraction of the full
/// grid's, and the gap between the full grid's best mean overall score and the full grid's mean of the configuration
/// the search found (what the grid says about the search's answer), with a budget of 30 % of the grid's calls.
/// </summary>
public static class OptimisationBench
{
    public const double BudgetShare = 0.30;
    private static readonly long[] Seeds = [1, 2, 3, 4, 5];
    private const string Prompt = Texts.Prompt;

    public static void Run()
    {
        var watch = Stopwatch.StartNew();
        var surfaces = new[]
        {
            ScoreSurface.Record("temperature × top_p (75 × 4)", Prompt, Grid(Range(0.0, 1.4, 0.1), [0.3, 0.5, 0.7, 0.85, 1.0], [0], [0], [120], [null]), 4),
            ScoreSurface.Record("temperature × penalties × max_tokens (108 × 3)", Prompt,
                Grid([0.3, 0.7, 1.1], [0.95], [0, 0.5, 1.0, 1.5], [0, 0.5, 1.0], [40, 80, 160], [null]), 3),
            ScoreSurface.Record("prompt × temperature × top_p, simulated faults 5 % (96 × 3)", Prompt,
                Grid(Range(0.1, 1.5, 0.2), [0.6, 0.9, 1.0], [0], [0], [120],
                    ["Explain how rain forms in clouds.", "Describe the water cycle in a few sentences.", "Why is the sky blue? Give an example.",
                     "List three causes of thunderstorms and explain each."]), 3, failureShare: 0.05),
        };
        Console.WriteLine($"optimisation: recorded {surfaces.Sum(s => s.Space.GridCalls)} grid calls in {watch.Elapsed.TotalSeconds:F0} s " +
            $"(local engine + quality scorer); budget {BudgetShare:P0} of each grid; median over {Seeds.Length} seeds");
        Console.WriteLine($"| space | strategy | grid calls | calls used (median, share of grid) | gap to grid best (median, max) | stops |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var surface in surfaces)
        {
            foreach (var name in SearchStrategies.Names)
            {
                var budget = (int)(surface.Space.GridCalls * BudgetShare);
                var outcomes = Seeds.Select(seed => OfflineSearch.Run(SearchStrategies.Create(name)!, surface.Space, budget, seed, surface.Score)).ToList();
                var used = outcomes.Select(o => (double)o.Progress.CallsSpent / surface.Space.GridCalls).ToList();
                var gaps = outcomes.Select(o => (surface.GridBest - surface.GridMean(o.Best!.Configuration)) / surface.GridBest).ToList();
                var stops = string.Join("; ", outcomes.Select(o => o.StopReason).Distinct());
                Console.WriteLine($"| {surface.Name} | {name} | {surface.Space.GridCalls} | {Texts.Median(used):P1} | {Texts.Median(gaps):P2} (max {gaps.Max():P2}) | {stops} |");
            }
        }
    }

    private static List<double> Range(double min, double max, double step) => LlmLab.ServiceKit.InclusiveRange.Values(min, max, step).ToList();

    private static List<SearchConfiguration> Grid(IReadOnlyList<double> temperatures, IReadOnlyList<double> topPs, IReadOnlyList<double> frequency,
        IReadOnlyList<double> presence, IReadOnlyList<int> maxTokens, IReadOnlyList<string?> prompts)
    {
        var list = new List<SearchConfiguration>();
        foreach (var prompt in prompts)
        foreach (var t in temperatures)
        foreach (var p in topPs)
        foreach (var f in frequency)
        foreach (var pr in presence)
        foreach (var m in maxTokens)
            list.Add(new SearchConfiguration(list.Count, t, p, f, pr, m, null, prompt));
        return list;
    }
}
