using Grpc.Core;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Llm;
using LlmLab.Contracts.Quality;

namespace LlmLab.Batch.Workers;

/// <summary>Generates a work item's response through llm-integration and scores it through quality-analysis.</summary>
public sealed class WorkItemExecutor(LlmService.LlmServiceClient llm, QualityService.QualityServiceClient quality, ILogger<WorkItemExecutor> logger)
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public async Task<ExecutionResult> ExecuteAsync(BatchRun run, WorkItem item, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var generated = await llm.GenerateAsync(ToRequest(run, item), deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: cancellationToken);
                var scoreRequest = new ScoreRequest
                {
                    Text = generated.Content,
                    Prompt = item.Prompt ?? run.Prompt,
                    MaxTokens = item.MaxTokens,
                    FinishReason = generated.FinishReason,
                };
                if (run.JudgeProvider is { Length: > 0 } judge) scoreRequest.Judge = new JudgeSpec { Provider = judge, Model = run.JudgeModel ?? "" };
                var scored = await quality.ScoreAsync(scoreRequest, deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: cancellationToken);
                return ExecutionResult.Success(generated, scored);
            }
            catch (RpcException ex) when (IsTransient(ex.StatusCode) && attempt < MaxAttempts)
            {
                logger.LogWarning("Work item {WorkItemId} attempt {Attempt} failed with {Status}; retrying", item.Id, attempt, ex.StatusCode);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt) + Random.Shared.Next(100)), cancellationToken);
            }
            catch (RpcException ex) when (!IsTransient(ex.StatusCode) || attempt >= MaxAttempts)
            {
                return ExecutionResult.Failure($"{ex.StatusCode}: {ex.Status.Detail}");
            }
        }
    }

    private static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Aborted;

    private static GenerateRequest ToRequest(BatchRun run, WorkItem item) => new()
    {
        TenantId = run.TenantId,
        Provider = run.Provider,
        Model = item.Model ?? run.Model,
        Messages = { new ChatMessage { Role = "user", Content = item.Prompt ?? run.Prompt } },
        Parameters = new GenerationParameters
        {
            Temperature = item.Temperature,
            TopP = item.TopP,
            MaxTokens = item.MaxTokens,
            FrequencyPenalty = item.FrequencyPenalty,
            PresencePenalty = item.PresencePenalty,
            Seed = item.Seed,
        },
    };
}

public sealed record ExecutionResult(GenerateReply? Generated, ScoreReply? Scored, string? Error)
{
    public static ExecutionResult Success(GenerateReply generated, ScoreReply scored) => new(generated, scored, null);
    public static ExecutionResult Failure(string error) => new(null, null, error);
}
