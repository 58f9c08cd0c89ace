using System.Diagnostics;
using System.Text.Json;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(stoppingToken);
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.OutboxMessages
            .FromSqlRaw("SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY created_at LIMIT {0} FOR UPDATE SKIP LOCKED", BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            await PublishAsync(publisher, row, cancellationToken);
            row.SentAt = time.GetUtcNow();
            row.Attempts++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
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
