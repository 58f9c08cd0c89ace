using Grpc.Core;
using LlmLab.Contracts.Llm;
using LlmLab.LlmIntegration.Pipeline;
using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Grpc;

/// <summary>gRPC door to every provider: validates, then hands the call to the generation pipeline.</summary>
internal sealed class LlmGrpcService(GenerationService generation, EmbeddingService embeddings) : LlmService.LlmServiceBase
{
    public override async Task<GenerateReply> Generate(GenerateRequest request, ServerCallContext context)
    {
        try
        {
            var generationRequest = ToGeneration(request);
            if (ToolMessages.UsesTools(request)) await RefuseToolsUnlessSupportedAsync(generationRequest);
            var result = await generation.GenerateAsync(generationRequest, context.CancellationToken);
            var reply = ToReply(result);
            reply.ToolCalls.AddRange(ToolMessages.ToCalls(result.ToolCalls));
            return reply;
        }
        catch (ProviderException failed)
        {
            throw ToRpc(failed);
        }
    }

    public override async Task GenerateStream(GenerateRequest request, IServerStreamWriter<GenerateChunk> responseStream, ServerCallContext context)
    {
        if (ToolMessages.UsesTools(request))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "tools: a stream does not return tool calls; use Generate."));
        try
        {
            await foreach (var (delta, final) in generation.StreamAsync(ToGeneration(request), context.CancellationToken))
            {
                await responseStream.WriteAsync(final is null ? new GenerateChunk { Delta = delta } : new GenerateChunk { Final = ToReply(final) });
            }
        }
        catch (ProviderException failed)
        {
            throw ToRpc(failed);
        }
    }

    public override async Task<ResolveModelReply> ResolveModel(ResolveModelRequest request, ServerCallContext context)
    {
        try
        {
            var resolved = await generation.ResolveAsync(new GenerationRequest(request.TenantId, request.Provider, request.Model, [], new ChatOptions(), null));
            return new ResolveModelReply
            {
                Found = true, Provider = resolved.Provider, Model = resolved.Model.Name, SupportsTools = Apis.OpenAiCompatible.ProviderFeatures.SupportsTools(resolved),
            };
        }
        catch (ProviderException unknown) when (unknown.Kind == ProviderErrorKind.InvalidRequest)
        {
            // The pipeline names the field first: "provider: …" or "model: …".
            var field = unknown.Message.Split(':', 2)[0];
            return new ResolveModelReply { Found = false, Field = field, Message = unknown.Message.Split(':', 2)[^1].Trim() };
        }
    }

    public override async Task<EmbedReply> Embed(EmbedRequest request, ServerCallContext context)
    {
        if (EmbedRequestValidator.FirstError(request) is { } error) throw new RpcException(new Status(StatusCode.InvalidArgument, error));
        try
        {
            var result = await embeddings.EmbedAsync(new EmbeddingRequest(request.TenantId, request.Provider, request.Model, request.Inputs,
                request.HasDimensions ? request.Dimensions : null), context.CancellationToken);
            var reply = new EmbedReply
            {
                Provider = result.Provider, Model = result.Model, PromptTokens = result.PromptTokens, CostUsd = result.CostUsd, LatencyMs = result.LatencyMs,
            };
            foreach (var vector in result.Vectors)
            {
                var embedding = new LlmLab.Contracts.Llm.Embedding();
                embedding.Values.AddRange(vector.ToArray());
                reply.Embeddings.Add(embedding);
            }
            return reply;
        }
        catch (ProviderException failed)
        {
            throw ToRpc(failed);
        }
    }

    private static GenerationRequest ToGeneration(GenerateRequest request)
    {
        if (GenerateRequestValidator.FirstError(request) is { } error)
            throw new RpcException(new Status(StatusCode.InvalidArgument, error));
        var messages = request.Messages.Select(ToolMessages.ToMessage).ToList();
        var options = ToOptions(request.Parameters);
        if (request.Tools.Count > 0) options.Tools = ToolMessages.Tools(request);
        // The cache key holds neither tools nor tool calls: such requests are never answered from it.
        var cache = ToolMessages.UsesTools(request) ? false : request.HasCache ? request.Cache : (bool?)null;
        return new GenerationRequest(request.TenantId, request.Provider, request.Model, messages, options, cache);
    }

    /// <summary>A provider that cannot call tools is refused naming "tools", never asked with them silently dropped.</summary>
    private async Task RefuseToolsUnlessSupportedAsync(GenerationRequest request)
    {
        var resolved = await generation.ResolveAsync(request);
        if (!Apis.OpenAiCompatible.ProviderFeatures.SupportsTools(resolved))
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"tools: provider '{resolved.Provider}' ({resolved.Definition.Kind.ToString().ToLowerInvariant()}) cannot call tools; use an OpenAI-compatible provider."));
    }

    private static GenerateReply ToReply(GenerationResult r) => new()
    {
        Content = r.Content,
        FinishReason = r.FinishReason,
        PromptTokens = r.PromptTokens,
        CompletionTokens = r.CompletionTokens,
        TotalTokens = r.PromptTokens + r.CompletionTokens,
        LatencyMs = r.LatencyMs,
        TimeToFirstTokenMs = r.TimeToFirstTokenMs,
        CostUsd = r.CostUsd,
        CacheHit = r.CacheHit,
        Provider = r.Provider,
        Model = r.Model,
    };

    public static RpcException ToRpc(ProviderException failed)
    {
        var code = failed.Kind switch
        {
            ProviderErrorKind.InvalidRequest => StatusCode.InvalidArgument,
            ProviderErrorKind.RateLimited => StatusCode.ResourceExhausted,
            ProviderErrorKind.Unauthorized => StatusCode.PermissionDenied,
            _ => StatusCode.Unavailable,
        };
        var trailers = new Metadata
        {
            { ErrorTrailers.Kind, failed.Kind.ToString() },
            { ErrorTrailers.FailureKind, failed.FailureKind },
            { ErrorTrailers.Attempts, failed.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (failed.ProviderStatus is { } status) trailers.Add(ErrorTrailers.ProviderStatus, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new RpcException(new Status(code, failed.Message), trailers);
    }

    internal static ChatOptions ToOptions(GenerationParameters? p) => new()
    {
        Temperature = p is { HasTemperature: true } ? (float)p.Temperature : null,
        TopP = p is { HasTopP: true } ? (float)p.TopP : null,
        TopK = p is { HasTopK: true } ? p.TopK : null,
        MaxOutputTokens = p is { HasMaxTokens: true } ? p.MaxTokens : null,
        FrequencyPenalty = p is { HasFrequencyPenalty: true } ? (float)p.FrequencyPenalty : null,
        PresencePenalty = p is { HasPresencePenalty: true } ? (float)p.PresencePenalty : null,
        Seed = p is { HasSeed: true } ? p.Seed : null,
        StopSequences = p is { Stop.Count: > 0 } ? p.Stop.ToList() : null,
    };
}
