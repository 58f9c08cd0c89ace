using LlmLab.Batch.Apis;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Optimization;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Search;

/// <summary>A search's status view: budget, calls spent, state, the best configuration now, the trajectory and every configuration called.</summary>
public sealed class SearchViewReader(BatchDbContext db, SearchSpaceReader spaces, SearchResults results)
{
    public async Task<ParameterSearchView> ReadAsync(BatchRun batch, ParameterSearch search, CancellationToken ct)
    {
        var space = await spaces.ReadAsync(batch, ct);
        var found = await db.Runs.AsNoTracking().AnyAsync(r => r.Id == search.RunId, ct) ? await results.ReadAsync(search.RunId, ct) : [];
        SearchParameters? Parameters(int? position) =>
            position is { } p && space is not null && p < space.Count ? ParametersOf(space.Configurations[p], batch) : null;

        var best = SearchBest.Of(found) is { } b && Parameters(b.Configuration) is { } bestParameters
            ? new SearchBestView(bestParameters, Math.Round(b.Score, 4), b.Count)
            : null;
        var trajectory = search.Trajectory
            .Select(t => new SearchTrajectoryView(t.CallsSpent, t.BestScore is { } s ? Math.Round(s, 4) : null, Parameters(t.BestConfiguration)))
            .ToList();
        var evaluated = found.OrderByDescending(r => r.Value.Mean ?? double.NegativeInfinity).ThenBy(r => r.Key)
            .Where(r => Parameters(r.Key) is not null)
            .Select(r => new SearchEvaluatedView(Parameters(r.Key)!, r.Value.Mean is { } m ? Math.Round(m, 4) : null, r.Value.Scores.Count, r.Value.Calls))
            .ToList();
        return new ParameterSearchView(search.Id, search.BatchId, search.RunId, search.Strategy, search.BudgetCalls, batch.TotalItems,
            found.Values.Sum(r => r.Calls), search.Seed, search.State, search.StopReason, best, trajectory, evaluated, search.CreatedAt, search.FinishedAt);
    }

    private static SearchParameters ParametersOf(SearchConfiguration c, BatchRun batch) =>
        new(c.Temperature, c.TopP, c.MaxTokens, c.FrequencyPenalty, c.PresencePenalty, c.Model ?? batch.Model, c.Prompt);
}
