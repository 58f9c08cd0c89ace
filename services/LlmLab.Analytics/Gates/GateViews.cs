namespace LlmLab.Analytics.Gates;

/// <summary>An experiment's gate as the API shows it.</summary>
public sealed record GateDefinitionView(Guid ExperimentId, IReadOnlyList<GateThreshold> Checks, Guid? BaselineRunId, bool NoSignificantRegression,
    string RegressionMetric, DateTimeOffset UpdatedAt)
{
    public static GateDefinitionView Of(GateDefinition d) =>
        new(d.ExperimentId, d.Checks, d.BaselineRunId, d.NoSignificantRegression, d.RegressionMetric, d.UpdatedAt);
}

/// <summary>
/// A run's or an evaluation's gate result as the API shows it; <see cref="Kind"/> says which. An evaluation belongs to no
/// experiment, while a run's gate is always its experiment's, so the empty experiment id marks an evaluation's result.
/// </summary>
public sealed record GateResultView(Guid RunId, Guid ExperimentId, bool Passed, IReadOnlyList<GateCheckResult> Checks, string RunStatus,
    int ResponsesScored, int ResponsesExpected, DateTimeOffset EvaluatedAt, string Kind)
{
    public const string RunKind = "run";
    public const string EvaluationKind = "evaluation";

    public static GateResultView Of(GateResult r) =>
        new(r.RunId, r.ExperimentId, r.Passed, r.Checks, r.RunStatus, r.ResponsesScored, r.ResponsesExpected, r.EvaluatedAt,
            r.ExperimentId == Guid.Empty ? EvaluationKind : RunKind);
}
