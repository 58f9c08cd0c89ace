using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Search;

/// <summary>
/// Starts a search: its run (running, its total the budget until the search ends) and the search row, with the run's
/// start event, in one transaction; then takes the first step at once (the driver would within half a second).
/// </summary>
public sealed class SearchStarter(BatchDbContext db, Outbox outbox, SearchStepper stepper, TimeProvider time, ILogger<SearchStarter> logger)
{
    public async Task<ParameterSearch> StartAsync(BatchRun batch, string strategy, int budgetCalls, long seed, CallerIdentity caller, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var run = new BatchRun
        {
            Id = Guid.CreateVersion7(), TenantId = batch.TenantId, ExperimentId = batch.ExperimentId, CreatedBy = batch.CreatedBy ?? caller.SubjectId,
            Name = $"{batch.Name} ({strategy} search)", Description = $"Calls of an adaptive search over the grid of batch {batch.Id}.",
            ParameterRanges = batch.ParameterRanges, Prompt = batch.Prompt, Provider = batch.Provider, Model = batch.Model,
            JudgeProvider = batch.JudgeProvider, JudgeModel = batch.JudgeModel, Status = RunStatus.Running, CreatedAt = now, StartedAt = now,
            TotalCombinations = batch.TotalCombinations, TotalItems = budgetCalls,
        };
        var search = new ParameterSearch
        {
            Id = Guid.CreateVersion7(), TenantId = batch.TenantId, BatchId = batch.Id, RunId = run.Id, Strategy = strategy, BudgetCalls = budgetCalls,
            Seed = seed, State = ParameterSearchState.Running, CreatedAt = now,
        };
        await db.InTransactionAsync(async token =>
        {
            db.Runs.Add(run);
            db.Searches.Add(search);
            outbox.Add(db, new BatchRunStarted(run.Id, run.ExperimentId, run.TenantId, now));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        outbox.Committed();
        try
        {
            await stepper.StepAsync(search.Id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Search {SearchId}: the first step failed; the driver takes it again", search.Id);
        }
        return search;
    }
}
