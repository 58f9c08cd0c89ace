namespace LlmLab.Analytics.EvaluationGates;

/// <summary>An evaluation's gate as the API shows it.</summary>
public sealed record EvaluationGateView(Guid EvaluationId, IReadOnlyList<EvaluationGateThreshold> Checks, Guid? BaselineEvaluationId,
    bool NoSignificantRegression, DateTimeOffset UpdatedAt)
{
    public static EvaluationGateView Of(EvaluationGateDefinition d) => new(d.EvaluationId, d.Checks, d.BaselineEvaluationId, d.NoSignificantRegression, d.UpdatedAt);
}
