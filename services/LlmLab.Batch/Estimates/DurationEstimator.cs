using System.Globalization;

namespace LlmLab.Batch.Estimates;

/// <summary>A finished run of the same provider and model: how many calls it made and how long it ran (start to finish).</summary>
public sealed record PastRun(int Calls, double Seconds);

/// <summary>What an estimate is based on. Kind: "runs" (measured throughput), "calls" (latency only) or "none" (an assumption).</summary>
public sealed record EstimateBasis(string Kind, int Runs, int Calls, double SecondsPerCall, int CostCalls, double CostPerCall, string Description);

public sealed record DurationEstimate(double Seconds, double CostUsd, EstimateBasis Basis);

/// <summary>
/// A run's duration and cost from the platform's measured history. Throughput, not latency: a run's wall-clock seconds per
/// call already contain the concurrency, provider slots and queueing the next run meets (the old mean-latency ÷ 64
/// workers said 0.6 s for a run that took 5.5 s). The median seconds per call of the finished runs closest in size (a
/// 20-call run pays start-up a 2,000-call run spreads thin) times the calls; without a finished run, the median latency
/// of recent calls with the configured parallelism; without any call, an assumed 0.2 s per call, said so.
/// </summary>
public static class DurationEstimator
{
    public const int NearestRuns = 5;
    public const double AssumedSecondsPerCall = 0.2;

    public static DurationEstimate Estimate(int calls, string subject, IReadOnlyList<PastRun> runs, IReadOnlyList<double> latenciesMs,
        double costPerCall, int costCalls, int concurrency)
    {
        var cost = Math.Round(calls * costPerCall, 6);
        var costText = costCalls == 0 ? "no cost history" : $"cost from {costCalls} recent calls";
        var usable = runs.Where(r => r.Calls > 0 && r.Seconds > 0 && double.IsFinite(r.Seconds)).ToList();
        if (usable.Count > 0)
        {
            var nearest = usable.OrderBy(r => Math.Abs(Math.Log(r.Calls) - Math.Log(Math.Max(1, calls)))).Take(NearestRuns).ToList();
            var perCall = Median(nearest.Select(r => r.Seconds / r.Calls).ToList());
            var sizes = nearest.Min(r => r.Calls) == nearest.Max(r => r.Calls) ? $"{nearest[0].Calls}" : $"{nearest.Min(r => r.Calls)}–{nearest.Max(r => r.Calls)}";
            var text = $"from {nearest.Count} recent {Plural(nearest.Count, "run")} of {subject} ({sizes} calls each): median {Format(perCall)} s per call; {costText}";
            return new DurationEstimate(Round(calls * perCall), cost,
                new EstimateBasis("runs", nearest.Count, nearest.Sum(r => r.Calls), Math.Round(perCall, 4), costCalls, costPerCall, text));
        }
        if (latenciesMs.Count > 0)
        {
            var parallel = Math.Max(1, Math.Min(concurrency, calls));
            var perCall = Median(latenciesMs) / 1000.0 / parallel;
            var text = $"from {latenciesMs.Count} recent {Plural(latenciesMs.Count, "call")} of {subject} (median latency {Format(Median(latenciesMs) / 1000.0)} s, "
                + $"assuming {parallel} in parallel; no finished run of it to measure throughput yet); {costText}";
            return new DurationEstimate(Round(calls * perCall), cost,
                new EstimateBasis("calls", 0, latenciesMs.Count, Math.Round(perCall, 4), costCalls, costPerCall, text));
        }
        var none = $"no history for {subject}: assumed {Format(AssumedSecondsPerCall)} s per call; {costText}";
        return new DurationEstimate(Round(calls * AssumedSecondsPerCall), cost, new EstimateBasis("none", 0, 0, AssumedSecondsPerCall, costCalls, costPerCall, none));
    }

    public static double Median(IReadOnlyList<double> values) => LlmLab.ServiceKit.Statistics.Percentiles.Of(values.Order().ToList(), 50);

    private static double Round(double seconds) => Math.Round(seconds, 1);
    private static string Format(double value) => value.ToString(value >= 10 ? "0.#" : value >= 0.1 ? "0.##" : "0.###", CultureInfo.InvariantCulture);
    private static string Plural(int n, string noun) => n == 1 ? noun : noun + "s";
}
