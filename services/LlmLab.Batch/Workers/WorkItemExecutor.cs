using Grpc.Core;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Llm;
using LlmLab.Contracts.Quality;

namespace LlmLab.Batch.Workers;

/// <summary>
/// Generates a chunk of work items' responses through llm-integration and scores them through quality-analysis. This hop does not
/// retry: a provider's failures were already retried by llm-integration and are recorded as they come; a service that
/// cannot be reached fails the chunk's message, which the message retry takes again (docs/architecture.md, "Who retries what").
/// </summary>
public sealed class WorkItemExecutor(
    LlmService.LlmServiceClient llm, QualityService.QualityServiceClient quality, IConfiguration configuration)
{
    /// <summary>A backstop for a call whose server vanished without closing the stream; the provider's own timeout comes first.</summary>
    private TimeSpan CallDeadline => TimeSpan.FromMinutes(configuration.GetValue("Batch:CallDeadlineMinutes", 60));

    /// <summary>
    /// Generates every item of a chunk at once, then scores the successes in one ScoreBatch call (one Score call per
    /// item when an LLM judge scores: each is a model call of its own). Results come back in the items' order.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires: the caller decides what that means.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionResult>> ExecuteAsync(BatchRun run, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var generated = await Task.WhenAll(items.Select(item => GenerateAsync(run, item, cancellationToken)));
        var results = new ExecutionResult[items.Count];
        var toScore = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (generated[i].Failure is { } failure) results[i] = ExecutionResult.Failed(failure);
            else toScore.Add(i);
        }
        if (toScore.Count == 0) return results;

        var requests = toScore.Select(i => ScoreRequestOf(run, items[i], generated[i].Reply!)).ToList();
        try
        {
            var scores = run.JudgeProvider is { Length: > 0 }
                ? await Task.WhenAll(requests.Select(r => ReachAsync(token => quality.ScoreAsync(r, deadline: Deadline(), cancellationToken: token).ResponseAsync, cancellationToken)))
                : (await ReachAsync(token => quality.ScoreBatchAsync(new ScoreBatchRequest { Items = { requests } }, deadline: Deadline(), cancellationToken: token).ResponseAsync, cancellationToken)).Items.ToArray();
            for (var k = 0; k < toScore.Count; k++) results[toScore[k]] = ExecutionResult.Success(generated[toScore[k]].Reply!, scores[k]);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && !IsUnreachable(ex))
        {
            var failure = FailureOf(ex, "scoring: ");
            foreach (var i in toScore) results[i] = ExecutionResult.Failed(failure);
        }
        return results;
    }

    private async Task<(GenerateReply? Reply, CallFailure? Failure)> GenerateAsync(BatchRun run, WorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            return (await ReachAsync(token => llm.GenerateAsync(ToRequest(run, item), deadline: Deadline(), cancellationToken: token).ResponseAsync, cancellationToken), null);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && !IsUnreachable(ex))
        {
            return (null, FailureOf(ex, ""));
        }
    }

    private DateTime Deadline() => DateTime.UtcNow.Add(CallDeadline);

    private static ScoreRequest ScoreRequestOf(BatchRun run, WorkItem item, GenerateReply generated)
    {
        var request = new ScoreRequest
        {
            Text = generated.Content,
            Prompt = item.Prompt ?? run.Prompt,
            MaxTokens = item.MaxTokens,
            FinishReason = generated.FinishReason,
        };
        if (run.JudgeProvider is { Length: > 0 } judge) request.Judge = new JudgeSpec { Provider = judge, Model = run.JudgeModel ?? "", TenantId = run.TenantId };
        return request;
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
