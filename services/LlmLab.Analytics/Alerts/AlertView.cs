namespace LlmLab.Analytics.Alerts;

/// <summary>An alert as the API, the stream and webhooks show it.</summary>
public sealed record AlertView(Guid Id, string Kind, string Status, string Message, Guid? RunId, Guid? ExperimentId, double? Value, double? Threshold,
    DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static AlertView Of(Alert a) => new(a.Id, a.Kind, a.Status, a.Message, a.RunId, a.ExperimentId, a.Value, a.Threshold, a.CreatedAt,
        a.AcknowledgedAt, a.AcknowledgedBy, a.ResolvedAt, a.ResolvedBy);
}
