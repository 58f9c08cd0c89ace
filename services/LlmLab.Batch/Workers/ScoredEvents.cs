using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;

namespace LlmLab.Batch.Workers;

/// <summary>The ResponseScored event of a stored response: what the recorder publishes and what the analytics rebuild reads.</summary>
public static class ScoredEvents
{
    /// <remarks>
    /// The item's identity holds the prompt and model only when the grid varies them: a run's own prompt and model
    /// are what two runs are compared on (model A against model B on the same grid), not what makes an item.
    /// </remarks>
    public static ResponseScored From(WorkItem item, StoredResponse response) => new()
    {
        ResponseId = response.Id,
        WorkItemId = item.Id,
        RunId = response.RunId,
        ExperimentId = response.ExperimentId,
        TenantId = response.TenantId,
        Provider = response.Provider,
        Model = response.Model,
        Temperature = item.Temperature,
        TopP = item.TopP,
        MaxTokens = item.MaxTokens,
        FrequencyPenalty = item.FrequencyPenalty,
        PresencePenalty = item.PresencePenalty,
        PromptTokens = response.PromptTokens,
        CompletionTokens = response.CompletionTokens,
        ResponseTimeMs = response.ResponseTimeMs,
        CostUsd = response.CostUsd,
        Metrics = response.Metrics!.All,
        AnalysisVersion = response.Metrics.AnalysisVersion,
        CreatedAt = response.CreatedAt,
        ItemKey = ResponseScored.ItemKeyOf(item.CombinationIndex, item.Repetition),
        ItemIdentity = Contracts.Messages.ItemIdentity.ForGrid(item.Prompt ?? "", item.Model ?? "", item.Temperature, item.TopP,
            item.MaxTokens, item.FrequencyPenalty, item.PresencePenalty, item.Repetition),
    };
}
