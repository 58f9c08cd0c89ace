namespace LlmLab.Analytics.Webhooks;

/// <summary>A webhook as the API shows it: never its secret.</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public static WebhookView Of(Webhook w) => new(w.Id, w.Url, w.Events, w.CreatedAt);
}

/// <summary>A delivery with its log of attempts.</summary>
public sealed record DeliveryView(Guid Id, Guid EventId, string Event, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt, IReadOnlyList<DeliveryAttempt> Log)
{
    public static DeliveryView Of(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.Event, d.Status, d.Attempts, d.CreatedAt, d.DeliveredAt, d.Status == DeliveryStatuses.Pending ? d.NextAttemptAt : null, d.Log);
}
