using System.Security.Cryptography;
using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Analytics.Webhooks;

/// <summary>
/// Delivers queued webhook deliveries, like the outbox relay publishes outbox rows: due rows are claimed with
/// FOR UPDATE SKIP LOCKED (replicas share the work) and leased, so a delivery whose process died is retried when its
/// lease ends. A 2xx answer delivers it; anything else is logged and retried after the next configured delay, until
/// the attempts run out and it is failed.
/// </summary>
public sealed class WebhookRelay(IServiceScopeFactory scopes, WebhookSender sender, WebhookSecrets secrets, TimeProvider time,
    IOptions<WebhookOptions> options, ILogger<WebhookRelay> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var due = await ClaimAsync(stoppingToken);
                claimed = due.Count;
                await Task.WhenAll(due.Select(id => DeliverAsync(id, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Webhook relay failed; retrying");
            }
            if (claimed < BatchSize) await Task.Delay(poll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<List<Guid>> ClaimAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var now = time.GetUtcNow();
        var lease = now + TimeSpan.FromSeconds(options.Value.TimeoutSeconds + 30);
        return await db.InTransactionAsync(async ct =>
        {
            var rows = await db.WebhookDeliveries
                .FromSqlRaw("SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= {0} ORDER BY next_attempt_at LIMIT {1} FOR UPDATE SKIP LOCKED",
                    now, BatchSize)
                .ToListAsync(ct);
            foreach (var row in rows) row.NextAttemptAt = lease;
            await db.SaveChangesAsync(ct);
            return rows.Select(r => r.Id).ToList();
        }, cancellationToken);
    }

    private async Task DeliverAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, ct);
        var webhook = await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == delivery.WebhookId && w.TenantId == delivery.TenantId, ct);
        DeliveryAttempt attempt;
        if (webhook is null)
        {
            attempt = new(delivery.Attempts + 1, time.GetUtcNow(), null, "the webhook was deleted.", 0);
            delivery.Attempts = options.Value.MaxAttempts - 1;
        }
        else if (OpenSecret(webhook) is not { } secret)
        {
            attempt = new(delivery.Attempts + 1, time.GetUtcNow(), null,
                "the webhook's secret cannot be opened: the key-encryption key that sealed it is not configured.", 0);
        }
        else
        {
            try
            {
                attempt = await sender.SendAsync(webhook.Url, secret, delivery, ct);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secret);
            }
        }
        DeliverySchedule.Record(delivery, attempt, options.Value, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (delivery.Status == DeliveryStatuses.Failed)
            logger.LogWarning("Webhook delivery {DeliveryId} of {Event} failed after {Attempts} attempts", delivery.Id, delivery.Event, delivery.Attempts);
    }

    private byte[]? OpenSecret(Webhook webhook)
    {
        try
        {
            return secrets.Open(webhook.Id, webhook.SealedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
