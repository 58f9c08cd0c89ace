using System.Diagnostics;
using System.Text.Json;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmLab.Messaging;

/// <summary>
/// Publishes unsent outbox rows to RabbitMQ and marks them sent. Rows are claimed with FOR UPDATE SKIP LOCKED,
/// so replicas share the work; a crash between publish and commit republishes (consumers are idempotent).
/// </summary>
public sealed class OutboxRelay<TContext>(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider time, ILogger<OutboxRelay<TContext>> logger)
    : BackgroundService where TContext : DbContext, IOutboxDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    internal static readonly ActivitySource Source = new("LlmLab.Outbox");
    /// <summary>Sent rows are kept this long (for inspection), then deleted so the table stays small.</summary>
    private static readonly TimeSpan SentRetention = TimeSpan.FromDays(1);
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(stoppingToken);
                await CleanUpAsync(stoppingToken);
                if (published < BatchSize)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay failed; retrying");
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        return await db.InTransactionAsync(async ct =>
        {
            var rows = await db.OutboxMessages
                .FromSqlRaw("SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY created_at LIMIT {0} FOR UPDATE SKIP LOCKED", BatchSize)
                .AsNoTracking()
                .ToListAsync(ct);
            if (rows.Count == 0) return 0;
            foreach (var row in rows)
            {
                await PublishAsync(publisher, row, ct);
            }
            // One statement for the batch, not one UPDATE per row.
            var ids = rows.Select(r => r.Id).ToArray();
            var sentAt = time.GetUtcNow();
            await db.OutboxMessages.Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            return rows.Count;
        }, cancellationToken);
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastCleanup < TimeSpan.FromMinutes(10)) return;
        _lastCleanup = now;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = now - SentRetention;
        var deleted = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} outbox rows sent before {Cutoff}", deleted, cutoff);
    }

    private static async Task PublishAsync(IPublishEndpoint publisher, OutboxMessage row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity($"outbox relay {row.MessageType}", ActivityKind.Internal, parent);
        var type = MessageTypes.TypeOf(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Payload, type)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
        await publisher.Publish(message, type, context => context.MessageId = row.Id, cancellationToken);
    }
}
