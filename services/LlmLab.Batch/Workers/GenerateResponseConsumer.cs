using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Workers;

/// <summary>Batch worker: one GenerateResponse command → generate, score, store. Competing consumers share the queue.</summary>
public sealed class GenerateResponseConsumer(BatchDbContext db, WorkItemExecutor executor, ResultRecorder recorder, ILogger<GenerateResponseConsumer> logger)
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

        var result = await executor.ExecuteAsync(run, item, context.CancellationToken);
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
