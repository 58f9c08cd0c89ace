namespace LlmLab.Cli.Running;

/// <summary>The outcome of <c>llmlab run</c>: what ran, how it ended, the results table and the gate; the formatters print it.</summary>
public sealed record RunReport(
    string Kind, string Name, string File, string RunId, string? ExperimentId, string Status, ResultTable Results, GateOutcome? Gate,
    TimeSpan Duration)
{
    public static readonly IReadOnlyList<string> SuccessfulStatuses = ["completed", "completed_with_errors"];

    public bool RunSucceeded => SuccessfulStatuses.Contains(Status);

    /// <summary>3 when the run itself failed, 1 when it finished but a gate check failed, else 0.</summary>
    public int ExitCode => !RunSucceeded ? ExitCodes.PlatformOrRun : Gate is { Passed: false } ? ExitCodes.GateFailed : ExitCodes.Passed;
}

public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record GateOutcome(bool Passed, IReadOnlyList<GateCheckOutcome> Checks);

/// <summary>One check: <see cref="Name"/> reads like "overall_score &gt;= 60" (with the method for an evaluation).</summary>
public sealed record GateCheckOutcome(string Name, string Metric, string Op, double? Threshold, double? Actual, bool Passed, string Reason);
