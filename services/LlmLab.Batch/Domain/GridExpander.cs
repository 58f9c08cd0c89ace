using LlmLab.Batch.Clients;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Domain;

/// <summary>An experiment's temperature × top_p grid as a <see cref="BatchGrid"/> (the one place grids are expanded).</summary>
public static class GridExpander
{
    public static BatchGrid ToGrid(ExperimentDefinition e) => new()
    {
        Temperatures = InclusiveRange.Values(e.TemperatureMin, e.TemperatureMax, e.TemperatureStep),
        TopPs = InclusiveRange.Values(e.TopPMin, e.TopPMax, e.TopPStep),
        FrequencyPenalties = [e.FrequencyPenalty],
        PresencePenalties = [e.PresencePenalty],
        MaxTokens = [e.MaxTokens],
        Models = [null],
        Prompts = [null],
        ResponseCount = e.ResponseCount,
    };

    /// <summary>The calls the grid makes, counted without expanding it (a stored grid may be huge); saturates far above any limit.</summary>
    public static long CallCount(ExperimentDefinition e) =>
        (long)InclusiveRange.Count(e.TemperatureMin, e.TemperatureMax, e.TemperatureStep) * InclusiveRange.Count(e.TopPMin, e.TopPMax, e.TopPStep) * Math.Max(0, e.ResponseCount);

    /// <param name="drawSeed">Each repetition's seed when the experiment fixes none; recorded on the item.</param>
    public static List<WorkItem> Expand(ExperimentDefinition e, Guid runId, string tenantId, Func<long> drawSeed) =>
        ToGrid(e).Expand(runId, tenantId, e.Seed, drawSeed);
}
