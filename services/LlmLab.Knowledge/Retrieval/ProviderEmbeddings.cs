using Grpc.Core;
using LlmLab.Contracts.Llm;
using LlmLab.ServiceKit;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Embeddings of a tenant's provider model through llm-integration's gRPC Embed (which holds the provider's key,
/// checks its URL and applies its limits and retries); vectors come back L2-normalised, so a dot product is a cosine.
/// </summary>
public sealed class ProviderEmbeddings
{
    private readonly LlmService.LlmServiceClient _llm;

    // Internal: the gRPC client is generated internal (the proto is compiled into several assemblies).
    internal ProviderEmbeddings(LlmService.LlmServiceClient llm) => _llm = llm;

    /// <summary>Texts per Embed call when a document's chunks are embedded.</summary>
    public const int BatchSize = 256;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public async Task<ProviderVectors> EmbedAsync(string tenant, string modelName, IReadOnlyList<string> texts, int? dimensions,
        CancellationToken ct)
    {
        var (provider, model) = EmbeddingModelName.Split(modelName);
        var vectors = new List<float[]>(texts.Count);
        var (resolved, tokens) = ("", 0);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var request = new EmbedRequest { TenantId = tenant, Provider = provider, Model = model, Inputs = { batch } };
            if (dimensions is { } d) request.Dimensions = d;
            var reply = await CallAsync(request, ct);
            resolved = $"{reply.Provider}/{reply.Model}";
            tokens += reply.PromptTokens;
            foreach (var embedding in reply.Embeddings)
            {
                var vector = embedding.Values.ToArray();
                VectorCodec.Normalise(vector);
                vectors.Add(vector);
            }
        }
        return new ProviderVectors(vectors, resolved, tokens);
    }

    private async Task<EmbedReply> CallAsync(EmbedRequest request, CancellationToken ct)
    {
        try
        {
            return await _llm.EmbedAsync(request, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            // llm-integration names the field first ("model: …", "provider: …"); here both are the embedding model.
            throw new EmbeddingModelException(ex.Status.Detail.Split(':', 2)[^1].Trim(), StatusCodes.Status422UnprocessableEntity);
        }
        catch (RpcException ex) when (ex.Trailers.GetValue("llmlab-failure-kind") is { } kind)
        {
            var status = ex.StatusCode == StatusCode.ResourceExhausted ? StatusCodes.Status429TooManyRequests : StatusCodes.Status502BadGateway;
            throw new EmbeddingModelException($"the provider failed ({kind}): {ex.Status.Detail}", status);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !ct.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("llm-integration", ex);
        }
    }
}

/// <summary>Normalised vectors in input order, the model as llm-integration resolved it (provider/model), tokens used.</summary>
public sealed record ProviderVectors(IReadOnlyList<float[]> Vectors, string Model, int PromptTokens);
