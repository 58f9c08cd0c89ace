using Grpc.Core;
using LlmLab.Contracts.Llm;
using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Clients;

/// <summary>
/// One completion through llm-integration's gRPC Generate, as Batch calls it (tenant in the request, signed by the
/// platform handler). A provider failure is a <see cref="ModelCallFailedException"/> (the item fails with it); a service that
/// cannot be reached propagates, so the message is retried instead of failing the item.
/// </summary>
public class ModelClient(LlmService.LlmServiceClient llm)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public virtual async Task<string> CompleteAsync(Domain.Evaluation evaluation, string prompt, IReadOnlyList<string> stop, Usage usage,
        CancellationToken ct)
    {
        var request = Request(evaluation, stop);
        request.Messages.Add(new ChatMessage { Role = "user", Content = prompt });
        return (await SendAsync(request, usage, ct)).Content;
    }

    /// <summary>A request as the evaluation's tenant, to its provider and model, with its generation parameters and no messages yet.</summary>
    public static GenerateRequest Request(Domain.Evaluation evaluation, IReadOnlyList<string> stop)
    {
        var p = evaluation.Parameters;
        return new GenerateRequest
        {
            TenantId = evaluation.TenantId,
            Provider = evaluation.Provider,
            Model = evaluation.Model,
            Parameters = new GenerationParameters { Temperature = p.Temperature, TopP = p.TopP, MaxTokens = p.MaxTokens, Seed = p.Seed, Stop = { stop } },
        };
    }

    /// <summary>One Generate call, its usage added; provider failures as <see cref="ModelCallFailedException"/>.</summary>
    public async Task<GenerateReply> SendAsync(GenerateRequest request, Usage usage, CancellationToken ct)
    {
        try
        {
            var reply = await llm.GenerateAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            usage.Add(reply);
            return reply;
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested && !IsUnreachable(ex))
        {
            throw new ModelCallFailedException(ex.Trailers.GetValue("llmlab-failure-kind") ?? ex.StatusCode.ToString(), ex.Status.Detail);
        }
    }

    public static bool IsUnreachable(RpcException ex) =>
        ex.StatusCode == StatusCode.Unavailable && ex.Trailers.GetValue("llmlab-failure-kind") is null;
}

/// <summary>The model call failed for a reason the provider gave (rate limited after retries, invalid request, …).</summary>
public sealed class ModelCallFailedException(string kind, string message) : Exception($"{kind}: {message}")
{
    public string Kind { get; } = kind;
}
