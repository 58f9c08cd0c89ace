using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Optimization;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Search;

/// <summary>What a search's calls gave, per grid position: the calls recorded (failed ones too) and the overall scores, in repetition order.</summary>
public sealed class SearchResults(BatchDbContext db)
{
    public async Task<Dictionary<int, ConfigurationResult>> ReadAsync(Guid runId, CancellationToken ct)
    {
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.RunId == runId && (w.Status == WorkItemStatus.Completed || w.Status == WorkItemStatus.Failed))
            .Select(w => new { w.Id, w.CombinationIndex, w.Repetition })
            .ToListAsync(ct);
        var scores = await db.Responses.AsNoTracking()
            .Where(r => r.RunId == runId && r.Metrics != null && r.Metrics.OverallScore != null)
            .Select(r => new { r.WorkItemId, Score = r.Metrics!.OverallScore!.Value })
            .ToDictionaryAsync(r => r.WorkItemId, r => r.Score, ct);
        return items.GroupBy(i => i.CombinationIndex).ToDictionary(g => g.Key, g => new ConfigurationResult(g.Count(),
            g.OrderBy(i => i.Repetition).Where(i => scores.ContainsKey(i.Id)).Select(i => scores[i.Id]).ToList()));
    }
}
