using LlmLab.Batch.Clients;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Domain;

/// <summary>Expands an experiment's temperature × top_p grid and repetitions into work items.</summary>
public static class GridExpander
{
    public static long CallCount(ExperimentDefinition e) =>
        (long)InclusiveRange.Count(e.TemperatureMin, e.TemperatureMax, e.TemperatureStep)
        * InclusiveRange.Count(e.TopPMin, e.TopPMax, e.TopPStep) * e.ResponseCount;

    /// <param name="drawSeed">Each repetition's seed when the experiment fixes none; recorded on the item.</param>
    public static List<WorkItem> Expand(ExperimentDefinition e, Guid runId, string tenantId, Func<long> drawSeed)
    {
        var items = new List<WorkItem>();
        var combination = 0;
        foreach (var temperature in InclusiveRange.Values(e.TemperatureMin, e.TemperatureMax, e.TemperatureStep))
        {
            foreach (var topP in InclusiveRange.Values(e.TopPMin, e.TopPMax, e.TopPStep))
            {
                for (var repetition = 0; repetition < e.ResponseCount; repetition++)
                {
                    items.Add(new WorkItem
                    {
                        Id = Guid.CreateVersion7(),
                        RunId = runId,
                        TenantId = tenantId,
                        CombinationIndex = combination,
                        Repetition = repetition,
                        Temperature = temperature,
                        TopP = topP,
                        MaxTokens = e.MaxTokens,
                        FrequencyPenalty = e.FrequencyPenalty,
                        PresencePenalty = e.PresencePenalty,
                        Seed = e.Seed ?? drawSeed(),
                        Status = WorkItemStatus.Pending,
                    });
                }
                combination++;
            }
        }
        return items;
    }
}
