using LlmLab.Batch.Clients;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Batch.Workers;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Apis;

/// <summary>Creates a run: the run row, every work item and one outbox command per chunk of items, in one transaction.</summary>
public sealed class RunLauncher(BatchDbContext db, Outbox outbox, WorkChunking chunking, TimeProvider time)
{
    public async Task<BatchRun> LaunchAsync(ExperimentDefinition experiment, CallerIdentity caller, CancellationToken ct)
    {
        var tenantId = caller.TenantId;
        var now = time.GetUtcNow();
        var run = new BatchRun
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            ExperimentId = experiment.Id,
            CreatedBy = RunOwnership.OwnerOf(experiment.CreatedBy, caller),
            Name = experiment.Name,
            Prompt = experiment.Prompt,
            Provider = experiment.Provider,
            Model = experiment.Model,
            JudgeProvider = experiment.JudgeProvider,
            JudgeModel = experiment.JudgeModel,
            Status = RunStatus.Running,
            CreatedAt = now,
            StartedAt = now,
        };
        var items = GridExpander.Expand(experiment, run.Id, tenantId, () => Random.Shared.NextInt64(1, int.MaxValue));
        run.TotalItems = items.Count;
        run.TotalCombinations = items.Select(i => i.CombinationIndex).Distinct().Count();

        await db.InTransactionAsync(async token =>
        {
            db.Runs.Add(run);
            // Created straight into running (RunLifecycle: pending → running), as if started at once.
            outbox.Add(db, new BatchRunStarted(run.Id, run.ExperimentId, tenantId, now));
            await db.SaveChangesAsync(token);
            await WorkItemRows.InsertAsync(db, items, token);
            return await outbox.InsertAsync(db, chunking.Commands(run.Id, tenantId, items.Select(i => i.Id)).ToList(), token);
        }, ct);
        outbox.Committed();
        return run;
    }
}
