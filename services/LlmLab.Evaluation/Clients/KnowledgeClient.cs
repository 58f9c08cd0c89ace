using Grpc.Core;
using LlmLab.Contracts.Knowledge;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Evaluation.Clients;

/// <summary>
/// Retrieval through the knowledge service's gRPC API. Its tenant is the one in the signed platform token, so each call
/// carries a token minted for the evaluation's tenant (a worker has no HTTP caller whose identity could pass on).
/// </summary>
public sealed class KnowledgeClient(KnowledgeService.KnowledgeServiceClient knowledge, InternalTokens tokens, ServiceName service)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<RetrievedChunk>> RetrieveAsync(string tenantId, string query, string collection, string mode, bool rerank,
        int topK, CancellationToken ct)
    {
        var request = new RetrieveRequest { Query = query, Collection = collection, Mode = mode, Rerank = rerank, TopK = topK };
        var reply = await knowledge.RetrieveAsync(request, Signed(tenantId), DateTime.UtcNow.Add(Deadline), ct);
        return reply.Chunks;
    }

    public async Task<LookupReply> LookupAsync(string tenantId, string title, string collection, CancellationToken ct) =>
        await knowledge.LookupAsync(new LookupRequest { Title = title, Collection = collection }, Signed(tenantId), DateTime.UtcNow.Add(Deadline), ct);

    private Metadata Signed(string tenantId) =>
        new() { { InternalTokens.HeaderName, tokens.Mint(new CallerIdentity(tenantId, $"service:{service.Value}", InternalTokens.ServiceRole)) } };
}
