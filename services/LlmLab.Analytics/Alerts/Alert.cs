namespace LlmLab.Analytics.Alerts;

/// <summary>
/// Something the platform warns about: a quality regression, a failure-rate spike, a budget crossed. Raised once per
/// cause (<see cref="DedupeKey"/>); people acknowledge and resolve it.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }
    /// <summary>Bumped at every change (raised, acknowledged, resolved) from one database sequence; the SSE stream's event id.</summary>
    public long Sequence { get; set; }
    public required string TenantId { get; set; }
    public required string Kind { get; set; }
    public string Status { get; set; } = AlertStatuses.Open;
    public required string Message { get; set; }
    public Guid? RunId { get; set; }
    public Guid? ExperimentId { get; set; }
    /// <summary>The measured value (mean difference, failure rate, spend) and the limit it crossed.</summary>
    public double? Value { get; set; }
    public double? Threshold { get; set; }
    public required string DedupeKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
