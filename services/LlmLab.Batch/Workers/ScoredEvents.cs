using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;

namespace LlmLab.Batch.Workers;

/// <summary>The ResponseScored event of a stored response: what the recorder publishes and what the analytics rebuild reads.</summary>
public static class ScoredEvents
{
    /// <param name="runPrompt">The run's prompt, which the item uses unless the grid varies prompts.</param>
    public static ResponseScored From(WorkItem item, StoredResponse response, string runPrompt) => new()
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
        ItemIdentity = Contracts.Messages.ItemIdentity.ForGrid(item.Prompt ?? runPrompt, response.Model, item.Temperature, item.TopP,
            item.MaxTokens, item.FrequencyPenalty, item.PresencePenalty, item.Repetition),
    };
}
