using Grpc.Core;
using LlmLab.Contracts.Knowledge;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Grpc;

/// <summary>
/// knowledge.proto for evaluation methods (RAG) and agent tools: Retrieve and Lookup over the tenant in the signed
/// platform token. Bad fields are INVALID_ARGUMENT naming the field; a call acting for no tenant is UNAUTHENTICATED.
/// </summary>
internal sealed class KnowledgeGrpcService(Retriever retriever, KnowledgeDbContext db) : KnowledgeService.KnowledgeServiceBase
{
    private const int LookupTextLimit = 2_000;

    public override async Task<RetrieveReply> Retrieve(RetrieveRequest request, ServerCallContext context)
    {
        var tenant = Tenant(context);
        if (SearchRules.Problem(request.Query, request.Collection, request.Mode, request.TopK, request.EmbeddingModel) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{problem.Field}: {problem.Message}"));
        }
        var query = new SearchQuery(request.Query, SearchRules.Collection(request.Collection), SearchRules.ParseMode(request.Mode)!.Value,
            request.Rerank, request.TopK, SearchRules.EmbeddingModel(request.EmbeddingModel));
        IReadOnlyList<Retrieval.RetrievedChunk> results;
        try
        {
            results = await retriever.SearchAsync(tenant, query, context.CancellationToken);
        }
        catch (EmbeddingModelException refused)
        {
            var code = refused.Status switch
            {
                StatusCodes.Status422UnprocessableEntity => StatusCode.InvalidArgument,
                StatusCodes.Status429TooManyRequests => StatusCode.ResourceExhausted,
                _ => StatusCode.Unavailable,
            };
            throw new RpcException(new Status(code, $"embedding_model: {refused.Message}"));
        }
        var reply = new RetrieveReply();
        reply.Chunks.AddRange(results.Select(r => new LlmLab.Contracts.Knowledge.RetrievedChunk
        {
            ChunkId = r.ChunkId.ToString(), DocumentId = r.DocumentId.ToString(), DocumentTitle = r.DocumentTitle, Page = r.Page,
            Text = r.Text, Score = r.Score,
        }));
        return reply;
    }

    public override async Task<LookupReply> Lookup(LookupRequest request, ServerCallContext context)
    {
        var tenant = Tenant(context);
        if (string.IsNullOrWhiteSpace(request.Title)) throw new RpcException(new Status(StatusCode.InvalidArgument, "title: is required."));
        if (TextRules.Problem(request.Title, TextRules.MaxName) is { } badTitle) throw new RpcException(new Status(StatusCode.InvalidArgument, $"title: {badTitle}"));
        if (TextRules.Problem(request.Collection, TextRules.MaxName) is { } badCollection)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"collection: {badCollection}"));

        var title = request.Title.Trim();
        var collection = SearchRules.Collection(request.Collection);
        var documents = db.Documents.AsNoTracking().Where(d => d.TenantId == tenant && d.IsCurrent
            && EF.Functions.ILike(d.Title, LikePattern(title), "\\"));
        if (collection is not null) documents = documents.Where(d => d.Collection == collection);
        // An exact-case match wins over a case-insensitive one; then the newest.
        var document = await documents.OrderByDescending(d => d.Title == title).ThenByDescending(d => d.CreatedAt)
            .FirstOrDefaultAsync(context.CancellationToken);
        if (document is null) return new LookupReply { Found = false };
        var text = new System.Text.StringBuilder();
        await foreach (var chunk in db.Chunks.AsNoTracking().Where(c => c.DocumentId == document.Id).OrderBy(c => c.Ordinal)
            .Select(c => c.Text).AsAsyncEnumerable().WithCancellation(context.CancellationToken))
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(chunk);
            if (text.Length >= LookupTextLimit) break;
        }
        return new LookupReply
        {
            Found = true, DocumentId = document.Id.ToString(), Title = document.Title,
            Text = text.Length > LookupTextLimit ? text.ToString(0, LookupTextLimit) : text.ToString(),
        };
    }

    /// <summary>The title matched literally by ILIKE: its wildcard characters escaped.</summary>
    private static string LikePattern(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Tenant(ServerCallContext context) =>
        context.GetHttpContext().TenantId() ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call acts for no tenant."));
}
