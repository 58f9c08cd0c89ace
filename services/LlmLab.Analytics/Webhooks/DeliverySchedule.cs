namespace LlmLab.Analytics.Webhooks;

/// <summary>What an attempt does to its delivery: a 2xx delivers it; otherwise the next retry is scheduled, or it fails when none is left.</summary>
public static class DeliverySchedule
{
    public static void Record(WebhookDelivery delivery, DeliveryAttempt attempt, WebhookOptions options, DateTimeOffset now)
    {
        delivery.Attempts++;
        delivery.Log = [.. delivery.Log, attempt];
        if (attempt.StatusCode is >= 200 and < 300)
        {
            delivery.Status = DeliveryStatuses.Delivered;
            delivery.DeliveredAt = attempt.At;
        }
        else if (delivery.Attempts >= options.MaxAttempts)
        {
            delivery.Status = DeliveryStatuses.Failed;
        }
        else
        {
            delivery.NextAttemptAt = now + TimeSpan.FromSeconds(options.RetryDelaysSeconds[delivery.Attempts - 1]);
        }
    }
}
