using Grpc.Core;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Llm;
using LlmLab.Contracts.Quality;

namespace LlmLab.Batch.Workers;

/// <summary>
/// Generates a work item's response through llm-integration and scores it through quality-analysis. This hop does not
/// retry: a provider's failures were already retried by llm-integration and are recorded as they come; a service that
/// cannot be reached fails the message, which the message retry takes again (docs/architecture.md, "Who retries what").
/// </summary>
public sealed class WorkItemExecutor(
    LlmService.LlmServiceClient llm, QualityService.QualityServiceClient quality, IConfiguration configuration)
{
    /// <summary>A backstop for a call whose server vanished without closing the stream; the provider's own timeout comes first.</summary>
    private TimeSpan CallDeadline => TimeSpan.FromMinutes(configuration.GetValue("Batch:CallDeadlineMinutes", 60));

    /// <summary>Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires: the caller decides what that means.</summary>
    public async Task<ExecutionResult> ExecuteAsync(BatchRun run, WorkItem item, CancellationToken cancellationToken)
    {
        GenerateReply generated;
        try
        {
            generated = await ReachAsync(token => llm.GenerateAsync(ToRequest(run, item), deadline: DateTime.UtcNow.Add(CallDeadline), cancellationToken: token).ResponseAsync, cancellationToken);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && !IsUnreachable(ex))
        {
            return ExecutionResult.Failed(FailureOf(ex, ""));
        }

        var scoreRequest = new ScoreRequest
        {
            Text = generated.Content,
            Prompt = item.Prompt ?? run.Prompt,
            MaxTokens = item.MaxTokens,
            FinishReason = generated.FinishReason,
        };
        if (run.JudgeProvider is { Length: > 0 } judge) scoreRequest.Judge = new JudgeSpec { Provider = judge, Model = run.JudgeModel ?? "" };
        try
        {
            var scored = await ReachAsync(token => quality.ScoreAsync(scoreRequest, deadline: DateTime.UtcNow.Add(CallDeadline), cancellationToken: token).ResponseAsync, cancellationToken);
            return ExecutionResult.Success(generated, scored);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && !IsUnreachable(ex))
        {
            return ExecutionResult.Failed(FailureOf(ex, "scoring: "));
        }
    }

    /// <summary>
    /// Makes the call. When the service itself cannot be reached (down or restarting; no failure trailer), the
    /// RpcException propagates: the message fails and MassTransit's message retry and redelivery try again later, so
    /// an outage of a platform service never becomes a failed item.
    /// </summary>
    private static async Task<T> ReachAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was cancelled.", ex, cancellationToken);
        }
    }

    private static bool IsUnreachable(RpcException ex) =>
        ex.StatusCode == StatusCode.Unavailable && ex.Trailers.GetValue(FailureTrailers.FailureKind) is null;

    /// <summary>The failure the service reported in its trailers, or what the status code says when it could not report one.</summary>
    public static CallFailure FailureOf(RpcException ex, string prefix)
    {
        var kind = ex.Trailers.GetValue(FailureTrailers.FailureKind) ?? ex.StatusCode switch
        {
            StatusCode.DeadlineExceeded => CallFailure.Timeout,
            StatusCode.Cancelled => CallFailure.Cancelled,
            StatusCode.InvalidArgument => CallFailure.InvalidRequest,
            StatusCode.ResourceExhausted => CallFailure.RateLimited,
            StatusCode.Unavailable => CallFailure.Unavailable,
            _ => CallFailure.ProviderError,
        };
        int? status = int.TryParse(ex.Trailers.GetValue(FailureTrailers.ProviderStatus), out var s) ? s : null;
        var attempts = int.TryParse(ex.Trailers.GetValue(FailureTrailers.Attempts), out var a) ? a : 1;
        var message = string.IsNullOrEmpty(ex.Status.Detail) ? ex.StatusCode.ToString() : ex.Status.Detail;
        return new CallFailure(kind, prefix + message, status, attempts);
    }

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

/// <summary>The trailer names llm-integration sets on a failed Generate (llm.proto).</summary>
internal static class FailureTrailers
{
    public const string FailureKind = "llmlab-failure-kind";
    public const string ProviderStatus = "llmlab-provider-status";
    public const string Attempts = "llmlab-attempts";
}

public sealed record ExecutionResult(GenerateReply? Generated, ScoreReply? Scored, CallFailure? Failure)
{
    public static ExecutionResult Success(GenerateReply generated, ScoreReply scored) => new(generated, scored, null);
    public static ExecutionResult Failed(CallFailure failure) => new(null, null, failure);
}
