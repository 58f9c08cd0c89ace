using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Optimization;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Search;

/// <summary>
/// A batch's grid as a search space, read from its work items (the first repetition of each combination), so it is
/// exactly what the batch would run; a configuration's position is its combination index.
/// </summary>
public sealed class SearchSpaceReader(BatchDbContext db)
{
    public async Task<SearchSpace?> ReadAsync(BatchRun batch, CancellationToken ct)
    {
        var configurations = await db.WorkItems.AsNoTracking().Where(w => w.RunId == batch.Id && w.Repetition == 0)
            .OrderBy(w => w.CombinationIndex)
            .Select(w => new SearchConfiguration(w.CombinationIndex, w.Temperature, w.TopP, w.FrequencyPenalty, w.PresencePenalty, w.MaxTokens, w.Model, w.Prompt))
            .ToListAsync(ct);
        if (configurations.Count == 0 || configurations.Where((c, i) => c.Index != i).Any()) return null;
        return new SearchSpace(configurations, Math.Max(1, batch.TotalItems / Math.Max(1, configurations.Count)));
    }
}
