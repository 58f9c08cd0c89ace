using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Batch.Workers;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.Optimization;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Search;

/// <summary>
/// One step of a running search, in one transaction: when its round has no call left pending, it records the round's
/// trajectory point, asks the strategy for the next round and queues its work items (copies of the batch's items, same
/// parameters and seeds) as chunk commands through the outbox, or ends the search and its run. The search row's version
/// makes the step happen once when two processes try it at the same moment.
/// </summary>
public sealed class SearchStepper(
    BatchDbContext db, Outbox outbox, WorkChunking chunking, SearchSpaceReader spaces, SearchResults results, TimeProvider time, ILogger<SearchStepper> logger)
{
    public async Task StepAsync(Guid searchId, CancellationToken ct)
    {
        try
        {
            if (await db.InTransactionAsync(token => StepInTransactionAsync(searchId, token), ct)) outbox.Committed();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("Search {SearchId}: another process took this step", searchId);
        }
    }

    /// <summary>Returns whether it queued messages in the outbox.</summary>
    private async Task<bool> StepInTransactionAsync(Guid id, CancellationToken ct)
    {
        var search = await db.Searches.FirstOrDefaultAsync(s => s.Id == id && s.State == ParameterSearchState.Running, ct);
        if (search is null) return false;
        var now = time.GetUtcNow();
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == search.RunId, ct);
        var batch = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == search.BatchId, ct);
        if (run is null || batch is null) return await EndAsync(search, ParameterSearchState.Failed, "its batch or its run was deleted", now, ct);
        if (run.Status == RunStatus.Cancelled) return await EndAsync(search, ParameterSearchState.Cancelled, "cancelled", now, ct);
        if (run.Status == RunStatus.Paused) return false;
        if (await db.WorkItems.AnyAsync(w => w.RunId == run.Id && w.Status == WorkItemStatus.Pending, ct)) return false;
        if (await spaces.ReadAsync(batch, ct) is not { } space) return await EndAsync(search, ParameterSearchState.Failed, "the batch has no grid to search", now, ct);

        var progress = new SearchProgress(search.BudgetCalls, search.Seed, search.Rounds, await results.ReadAsync(run.Id, ct));
        if (search.Trajectory.Count < search.Rounds.Count) search.Trajectory = [.. search.Trajectory, PointOf(progress)];
        var step = SearchStrategies.Create(search.Strategy)!.Next(space, progress);
        var requests = step is SearchStep.Evaluate evaluate ? evaluate.Requests.Where(r => r.Calls > 0).ToList() : [];
        if (requests.Count == 0)
        {
            await FinishRunAsync(run, now, ct);
            await EndAsync(search, ParameterSearchState.Completed, (step as SearchStep.Stop)?.Reason ?? "nothing left to call", now, ct);
            return true;
        }

        var items = await ItemsAsync(batch, run, space, progress, requests, ct);
        db.WorkItems.AddRange(items);
        foreach (var chunk in chunking.Commands(run.Id, run.TenantId, items.Select(i => i.Id))) outbox.Add(db, chunk);
        search.Rounds = [.. search.Rounds, requests];
        search.Version++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static SearchTrajectoryPoint PointOf(SearchProgress progress) => SearchBest.Of(progress.Results) is { } best
        ? new SearchTrajectoryPoint(progress.CallsSpent, best.Score, best.Configuration, best.Count)
        : new SearchTrajectoryPoint(progress.CallsSpent, null, null, 0);

    private async Task<bool> EndAsync(ParameterSearch search, ParameterSearchState state, string reason, DateTimeOffset now, CancellationToken ct)
    {
        search.State = state;
        search.StopReason = reason;
        search.FinishedAt = now;
        search.Version++;
        await db.SaveChangesAsync(ct);
        return false;
    }

    /// <summary>The search's run ends with the search: its total becomes the calls made, its status their outcome.</summary>
    private async Task FinishRunAsync(BatchRun run, DateTimeOffset now, CancellationToken ct)
    {
        var total = await db.WorkItems.CountAsync(w => w.RunId == run.Id, ct);
        var outcome = RunLifecycle.Outcome(run.CompletedItems, run.FailedItems);
        var finishing = RunLifecycle.Finishing;
        var finished = await db.Runs.Where(r => r.Id == run.Id && finishing.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, outcome).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.TotalItems, total), ct);
        if (finished == 1)
        {
            outbox.Add(db, new BatchRunFinished(run.Id, run.ExperimentId, run.TenantId, outcome.ToString(), run.CompletedItems, run.FailedItems, now));
        }
        else
        {
            // Already final: the last call of a spent budget finished it.
            await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.TotalItems, total), ct);
        }
    }

    /// <summary>The round's calls: for each request the configuration's next repetitions, copied from the batch's own items.</summary>
    private async Task<List<WorkItem>> ItemsAsync(BatchRun batch, BatchRun run, SearchSpace space, SearchProgress progress,
        IReadOnlyList<TrialRequest> requests, CancellationToken ct)
    {
        var combinations = requests.Select(r => space.Configurations[r.Configuration].Index).ToArray();
        var source = (await db.WorkItems.AsNoTracking().Where(w => w.RunId == batch.Id && combinations.Contains(w.CombinationIndex)).ToListAsync(ct))
            .ToDictionary(w => (w.CombinationIndex, w.Repetition));
        var items = new List<WorkItem>();
        foreach (var request in requests)
        {
            var combination = space.Configurations[request.Configuration].Index;
            var first = progress.CallsOf(request.Configuration);
            for (var repetition = first; repetition < first + request.Calls; repetition++)
            {
                var from = source[(combination, repetition)];
                items.Add(new WorkItem
                {
                    Id = Guid.CreateVersion7(), RunId = run.Id, TenantId = run.TenantId, CombinationIndex = combination, Repetition = repetition,
                    Prompt = from.Prompt, Model = from.Model, Temperature = from.Temperature, TopP = from.TopP, FrequencyPenalty = from.FrequencyPenalty,
                    PresencePenalty = from.PresencePenalty, MaxTokens = from.MaxTokens, Seed = from.Seed, Status = WorkItemStatus.Pending,
                });
            }
        }
        return items;
    }
}
