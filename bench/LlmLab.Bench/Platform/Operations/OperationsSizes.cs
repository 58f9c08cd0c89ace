namespace LlmLab.Bench.Platform.Operations;

/// <summary>How much the operations bench does: the figures, or --quick for a debugging run on a busy machine.</summary>
public sealed record OperationsSizes(TimeSpan ApiDuration, int SseClients, int SseCalls, int SoakCalls, int ChaosRuns, int ChaosCalls, TimeSpan KillEvery,
    int ReplicaRounds, int ReplicaCalls)
{
    public static OperationsSizes Full { get; } = new(TimeSpan.FromSeconds(60), 1000, 1000, 20_000, 10, 5000, TimeSpan.FromSeconds(20), 3, 5000);

    public static OperationsSizes Quick { get; } = new(TimeSpan.FromSeconds(12), 200, 1000, 2000, 2, 1000, TimeSpan.FromSeconds(10), 1, 2000);
}
