using System.Text.Json;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Webhooks;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Alerts;

/// <summary>
/// Raises an alert once per cause and, in the same transaction, queues its delivery to every webhook subscribed to its
/// kind (the webhooks' outbox, delivered by <see cref="WebhookRelay"/>).
/// </summary>
public sealed class AlertRaiser(AnalyticsDbContext db)
{
    /// <summary>False when an alert of the same cause was raised before.</summary>
    public async Task<bool> RaiseAsync(Alert alert, CancellationToken ct)
    {
        if (await db.Alerts.AnyAsync(a => a.TenantId == alert.TenantId && a.DedupeKey == alert.DedupeKey, ct)) return false;
        db.Alerts.Add(alert);
        var name = AlertKinds.EventOf(alert.Kind);
        var payload = JsonSerializer.Serialize(new WebhookEvent(alert.Id, name, alert.CreatedAt, AlertView.Of(alert)), ServiceKitExtensions.Json);
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.TenantId == alert.TenantId && w.Events.Contains(name)).Select(w => w.Id).ToListAsync(ct);
        foreach (var webhook in webhooks)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(alert.CreatedAt),
                WebhookId = webhook,
                EventId = alert.Id,
                TenantId = alert.TenantId,
                Event = name,
                Payload = payload,
                NextAttemptAt = alert.CreatedAt,
                CreatedAt = alert.CreatedAt,
            });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>The body of a webhook delivery: the event's id (the alert's), its name, when, and the alert.</summary>
public sealed record WebhookEvent(Guid Id, string Event, DateTimeOffset CreatedAt, AlertView Alert);
