namespace LlmLab.Training.Agreement;

/// <summary>How well each automatic metric agrees with people's scores over n graded texts, and which agrees best.</summary>
public sealed record AgreementReport(int N, IReadOnlyList<MetricAgreement> Metrics, string? BestMetric, string BestBy, string Method);

/// <summary>One metric against people: Pearson and Spearman with 95 % confidence intervals, and the mean absolute error.</summary>
public sealed record MetricAgreement(string Metric, int N, CorrelationEstimate? Pearson, CorrelationEstimate? Spearman, double Mae, string? Note);

/// <summary>A correlation and its 95 % interval (null bounds when n ≤ 3: the interval needs n − 3 > 0).</summary>
public sealed record CorrelationEstimate(double Value, double? CiLow, double? CiHigh);
