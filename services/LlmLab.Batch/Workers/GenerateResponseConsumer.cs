using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Workers;

/// <summary>Batch worker: one GenerateResponse command → generate, score, store. Competing consumers share the queue.</summary>
public sealed class GenerateResponseConsumer(
    BatchDbContext db, WorkItemExecutor executor, ResultRecorder recorder, InFlightRuns inFlight, ILogger<GenerateResponseConsumer> logger)
    : IConsumer<GenerateResponse>
{
    public async Task Consume(ConsumeContext<GenerateResponse> context)
    {
        var command = context.Message;
        var item = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(w => w.Id == command.WorkItemId, context.CancellationToken);
        if (item is null || item.Status != WorkItemStatus.Pending)
        {
            logger.LogDebug("Work item {WorkItemId} already handled; acknowledging", command.WorkItemId);
            return;
        }
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == item.RunId, context.CancellationToken);
        // Paused: the item stays pending and is dispatched again on resume. Cancelled or finished: nothing to do.
        if (run.Status != RunStatus.Running)
        {
            return;
        }

        ExecutionResult result;
        using (var call = inFlight.Track(run.Id))
        using (var either = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, call.Cancelled))
        {
            try
            {
                result = await executor.ExecuteAsync(run, item, either.Token);
            }
            catch (OperationCanceledException) when (call.Cancelled.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
            {
                // The run was cancelled: its call was aborted and the item already marked cancelled with the run.
                logger.LogInformation("Work item {WorkItemId}: call aborted, its run {RunId} was cancelled", item.Id, run.Id);
                return;
            }
        }
        var recorded = await recorder.RecordAsync(run, item, result, context.CancellationToken);
        if (!recorded)
        {
            logger.LogInformation("Work item {WorkItemId} was recorded by another delivery; this result is dropped", item.Id);
        }
    }
}

public sealed class GenerateResponseConsumerDefinition : ConsumerDefinition<GenerateResponseConsumer>
{
    public GenerateResponseConsumerDefinition(IConfiguration configuration)
    {
        EndpointName = "batch-generate-response";
        ConcurrentMessageLimit = configuration.GetValue("Batch:WorkerConcurrency", 64);
    }
}
