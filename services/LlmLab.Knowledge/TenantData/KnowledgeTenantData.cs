using LlmLab.Knowledge.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.TenantData;

/// <summary>
/// The knowledge section of a tenant export: every document version, every chunk's text, every vector (base64 of
/// little-endian float32), the tenant's IVF lists and its trained embedding model (base64). The BM25 index on disk is built from the chunks, so it adds nothing.
/// </summary>
public static class KnowledgeTenantData
{
    public static IEndpointRouteBuilder MapKnowledgeTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, KnowledgeDbContext db) =>
        {
            var tenant = http.TenantId()!;
            return TypedResults.Ok(new
            {
                Documents = db.Documents.AsNoTracking().Where(d => d.TenantId == tenant).OrderBy(d => d.CreatedAt)
                    .Select(d => new
                    {
                        d.Id, d.Collection, d.Title, d.Version, d.IsCurrent, d.ContentType, d.Pages, d.ChunkCount, d.ChunkSize,
                        d.ChunkOverlap, d.SizeBytes, d.Sha256, d.CreatedAt,
                    }).AsAsyncEnumerable(),
                Chunks = db.Chunks.AsNoTracking().Where(c => c.TenantId == tenant).OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal)
                    .AsAsyncEnumerable(),
                Vectors = db.Vectors.AsNoTracking().Where(v => v.TenantId == tenant).OrderBy(v => v.ChunkId).AsAsyncEnumerable(),
                VectorLists = db.VectorLists.AsNoTracking().Where(l => l.TenantId == tenant).OrderBy(l => l.ListNo).AsAsyncEnumerable(),
                VectorIndex = db.VectorIndexStates.AsNoTracking().Where(s => s.TenantId == tenant).AsAsyncEnumerable(),
                TrainedEmbedding = db.TrainedEmbeddings.AsNoTracking().Where(s => s.TenantId == tenant).AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
