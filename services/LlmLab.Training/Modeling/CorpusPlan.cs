namespace LlmLab.Training.Modeling;

/// <summary>
/// How a job walks its text: the last holdout fraction is held out; the rest is cut into windows of context_length + 1
/// characters, shuffled per epoch with the job's seed, so step s always sees the same batch — a resumed job continues
/// exactly where the checkpoint left it.
/// </summary>
public sealed class CorpusPlan
{
    public CorpusPlan(long[] encoded, int contextLength, int batchSize, int epochs, double holdoutFraction, long seed)
    {
        var holdoutLength = (int)Math.Round(encoded.Length * holdoutFraction);
        Train = encoded[..^holdoutLength];
        Holdout = encoded[^holdoutLength..];
        ContextLength = contextLength;
        BatchSize = batchSize;
        Epochs = epochs;
        Seed = seed;
        TrainWindows = WindowStarts(Train.Length, contextLength);
        HoldoutWindows = WindowStarts(Holdout.Length, contextLength);
        StepsPerEpoch = (TrainWindows.Count + batchSize - 1) / Math.Max(1, batchSize);
    }

    public long[] Train { get; }
    public long[] Holdout { get; }
    public int ContextLength { get; }
    public int BatchSize { get; }
    public int Epochs { get; }
    public long Seed { get; }
    public IReadOnlyList<int> TrainWindows { get; }
    public IReadOnlyList<int> HoldoutWindows { get; }
    public int StepsPerEpoch { get; }
    public int TotalSteps => StepsPerEpoch * Epochs;

    /// <summary>Both parts need one whole window, or there is nothing to learn from or to measure on.</summary>
    public bool IsUsable => TrainWindows.Count > 0 && HoldoutWindows.Count > 0;

    /// <summary>Text length needed for a usable plan (at least one window on each side of the split).</summary>
    public static int MinimumLength(int contextLength, double holdoutFraction) =>
        (int)Math.Ceiling((contextLength + 1) / Math.Min(holdoutFraction, 1 - holdoutFraction)) + 1;

    public int EpochOf(int step) => step / StepsPerEpoch;

    /// <summary>The window starts of step <paramref name="step"/> (0-based).</summary>
    public IReadOnlyList<int> BatchOf(int step)
    {
        var epoch = EpochOf(step);
        var order = TrainWindows.ToArray();
        // Not HashCode.Combine: it is seeded per process, and a resumed job must shuffle as the first process did.
        new Random(unchecked((int)(Seed * 1_000_003 + epoch))).Shuffle(order);
        var within = step % StepsPerEpoch;
        return order.Skip(within * BatchSize).Take(BatchSize).ToArray();
    }

    private static List<int> WindowStarts(int length, int contextLength)
    {
        var starts = new List<int>();
        for (var start = 0; start + contextLength + 1 <= length; start += contextLength) starts.Add(start);
        return starts;
    }
}
