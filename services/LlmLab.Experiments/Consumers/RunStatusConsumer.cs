using LlmLab.Contracts.Messages;
using LlmLab.Experiments.Data;
using LlmLab.Experiments.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Experiments.Consumers;

/// <summary>
/// Moves an experiment's status with its runs: running when a run starts, the run's outcome when it finishes. An
/// event older than the one the status came from (events of two runs, or a late redelivery) changes nothing, so a
/// redelivered or reordered event is harmless.
/// </summary>
public sealed class RunStatusConsumer(ExperimentsDbContext db) : IConsumer<BatchRunStarted>, IConsumer<BatchRunFinished>
{
    public Task Consume(ConsumeContext<BatchRunStarted> context) =>
        MoveAsync(context.Message.ExperimentId, context.Message.TenantId, ExperimentStatus.Running, context.Message.StartedAt, context.CancellationToken);

    public Task Consume(ConsumeContext<BatchRunFinished> context)
    {
        var status = Enum.TryParse<ExperimentStatus>(context.Message.Status, ignoreCase: true, out var outcome) ? outcome : ExperimentStatus.Failed;
        return MoveAsync(context.Message.ExperimentId, context.Message.TenantId, status, context.Message.FinishedAt, context.CancellationToken);
    }

    private Task MoveAsync(Guid experimentId, string tenantId, ExperimentStatus status, DateTimeOffset at, CancellationToken ct) =>
        experimentId == Guid.Empty
            ? Task.CompletedTask // a batch created on its own, not from an experiment
            : db.Experiments.IgnoreQueryFilters()
                .Where(e => e.Id == experimentId && e.TenantId == tenantId && (e.StatusChangedAt == null || e.StatusChangedAt <= at))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status).SetProperty(e => e.StatusChangedAt, at), ct);
}
