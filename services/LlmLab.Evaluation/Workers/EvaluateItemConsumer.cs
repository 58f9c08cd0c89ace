using LlmLab.Contracts.Messages;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Workers;

/// <summary>Evaluation worker: one EvaluateItem command → run the method, score, store. Competing consumers share the queue.</summary>
public sealed class EvaluateItemConsumer(EvaluationDbContext db, ItemExecutor executor, ItemRecorder recorder, ItemParking parking,
    ILogger<EvaluateItemConsumer> logger)
    : IConsumer<EvaluateItem>
{
    public async Task Consume(ConsumeContext<EvaluateItem> context)
    {
        var ct = context.CancellationToken;
        var item = await db.EvaluationItems.AsNoTracking().FirstOrDefaultAsync(w => w.Id == context.Message.WorkItemId, ct);
        if (item is null || item.Status != ItemStatus.Pending) return;
        var evaluation = await db.Evaluations.AsNoTracking().FirstAsync(e => e.Id == item.EvaluationId, ct);
        if (evaluation.Status == EvaluationStatus.Paused
            && await parking.ParkIfPausedAsync(item.Id, evaluation.Id, ct) != EvaluationStatus.Running) return;
        if (evaluation.Status.IsFinal()) return;
        var datasetItem = await db.DatasetItems.AsNoTracking().FirstAsync(d => d.Id == item.DatasetItemId, ct);
        var spec = evaluation.Methods.First(m => m.Label == item.MethodLabel);

        var result = await executor.ExecuteAsync(evaluation, datasetItem, spec, ct);
        if (!await recorder.RecordAsync(item, result, ct))
            logger.LogInformation("Evaluation item {ItemId} was recorded by another delivery or cancelled; this result is dropped", item.Id);
    }
}

public sealed class EvaluateItemConsumerDefinition : ConsumerDefinition<EvaluateItemConsumer>
{
    /// <summary>The queue the evaluation workers compete on (KEDA scales them on its depth: deploy/k8s/overlays/prod).</summary>
    public const string Queue = "evaluation-evaluate-item";

    public EvaluateItemConsumerDefinition(IConfiguration configuration)
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = configuration.GetValue("Evaluation:WorkerConcurrency", 16);
    }
}
