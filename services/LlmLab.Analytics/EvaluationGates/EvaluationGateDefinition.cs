namespace LlmLab.Analytics.EvaluationGates;

/// <summary>An evaluation's quality gate: per-method thresholds, and optionally no significant regression against a baseline evaluation.</summary>
public sealed class EvaluationGateDefinition
{
    public required string TenantId { get; set; }
    public Guid EvaluationId { get; set; }
    public List<EvaluationGateThreshold> Checks { get; set; } = [];
    /// <summary>The evaluation to compare with; null compares with the previous finished evaluation of the same dataset.</summary>
    public Guid? BaselineEvaluationId { get; set; }
    public bool NoSignificantRegression { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One threshold: <see cref="Metric"/> of method <see cref="Method"/> (every method when null) must be <see cref="Op"/> <see cref="Value"/>.</summary>
public sealed record EvaluationGateThreshold(string Metric, string Op, double Value, string? Method);
