namespace LlmLab.Analytics.Webhooks;

/// <summary>
/// One event to deliver to one webhook: written in the transaction that raised the alert (the webhooks' outbox) and
/// delivered by <see cref="WebhookRelay"/>, retried until the receiver answers 2xx or the attempts run out.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public required string TenantId { get; set; }
    /// <summary>The event's id (the alert's): the same in every delivery of the event, so receivers can drop duplicates.</summary>
    public Guid EventId { get; set; }
    public required string Event { get; set; }
    /// <summary>The exact body posted at every attempt (JSON).</summary>
    public required string Payload { get; set; }
    public string Status { get; set; } = DeliveryStatuses.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public List<DeliveryAttempt> Log { get; set; } = [];
}

/// <summary>One attempt: when, the receiver's status code (null when there was no answer), the error, how long it took.</summary>
public sealed record DeliveryAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);

public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
