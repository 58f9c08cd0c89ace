using Grpc.Core;
using LlmLab.Contracts.Identity;

namespace LlmLab.Gateway.Audit;

/// <summary>
/// Sends queued audit records to identity in batches (up to 500, or what arrived within half a second), so no request
/// waits for the audit log. A batch identity did not take is retried with backoff, never dropped while it waits.
/// </summary>
public sealed class AuditShipper(AuditQueue queue, IdentityService.IdentityServiceClient identity, ILogger<AuditShipper> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new RecordAuditRequest();
        long reportedDrops = 0;
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            using (var linger = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                linger.CancelAfter(Linger);
                try
                {
                    while (batch.Records.Count < BatchSize && await queue.Reader.WaitToReadAsync(linger.Token))
                    {
                        while (batch.Records.Count < BatchSize && queue.Reader.TryRead(out var record)) batch.Records.Add(record);
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            await ShipAsync(batch, stoppingToken);
            batch = new RecordAuditRequest();
            if (queue.Dropped != reportedDrops)
            {
                logger.LogWarning("{Count} audit records were dropped while identity was unreachable", queue.Dropped - reportedDrops);
                reportedDrops = queue.Dropped;
            }
        }
    }

    private async Task ShipAsync(RecordAuditRequest batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await identity.RecordAuditAsync(batch, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: stoppingToken);
                return;
            }
            catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Audit batch of {Count} not recorded ({Status}); retrying in {Delay}", batch.Records.Count, ex.StatusCode, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
