namespace LlmLab.Optimization;

/// <summary>A strategy's decision: the calls of the next round, or why it stops.</summary>
public abstract record SearchStep
{
    public sealed record Evaluate(IReadOnlyList<TrialRequest> Requests) : SearchStep;

    public sealed record Stop(string Reason) : SearchStep;
}
