using System.Security.Cryptography;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Domain;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Ingestion;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.Documents;

/// <summary>
/// Upload → type from content → text with pages → chunks → one PostgreSQL transaction (document as version n+1 of its
/// title, chunks, vectors; the previous version stops being current; the tenant's index generation bumped) → this
/// replica's BM25 index (the others catch up from the generation). Anything wrong with the file
/// is a <see cref="DocumentRejectedException"/> before a row is written; so is a provider embedding model that cannot
/// embed the chunks (<see cref="EmbeddingModelException"/>): the provider is called before the transaction.
/// </summary>
public sealed class DocumentIngestor(KnowledgeDbContext db, ChunkIndexer indexer, IndexGenerations generations, IndexConsistency consistency,
    IIndexSource indexSource, VectorIndexTrainer trainer, ProviderEmbeddings providerEmbeddings, IOptions<KnowledgeOptions> options,
    TimeProvider time)
{
    public async Task<KnowledgeDocument> IngestAsync(string tenant, Upload upload, CancellationToken ct)
    {
        var (type, extracted) = DocumentReader.Read(upload.Content, options.Value.MaxPages);
        var pieces = Chunker.Split(extracted.Pages, upload.ChunkSize, upload.ChunkOverlap);
        if (pieces.Count > options.Value.MaxChunksPerDocument)
        {
            throw new DocumentRejectedException($"makes {pieces.Count} chunks; at most {options.Value.MaxChunksPerDocument} are accepted (raise chunk_size).", 413);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(upload.Content));
        var provided = upload.EmbeddingModel is { } model
            ? await providerEmbeddings.EmbedAsync(tenant, model, pieces.Select(p => p.Text).ToList(), null, ct)
            : null;

        var document = await db.InTransactionAsync(async token =>
        {
            await TenantLock.AcquireAsync(db, tenant, token);
            var prior = await db.Documents.Where(d => d.TenantId == tenant && d.Collection == upload.Collection && d.Title == upload.Title)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(token);
            var current = await db.Documents.FirstOrDefaultAsync(d => d.TenantId == tenant && d.Collection == upload.Collection
                && d.Title == upload.Title && d.IsCurrent, token);
            if (current is not null)
            {
                current.IsCurrent = false;
                await db.Vectors.Where(v => db.Chunks.Any(c => c.Id == v.ChunkId && c.DocumentId == current.Id)).ExecuteDeleteAsync(token);
            }
            var created = NewDocument(tenant, upload, type, extracted, pieces, sha, (prior?.Version ?? 0) + 1);
            created.EmbeddingModel = provided?.Model;
            db.Documents.Add(created);
            await indexer.AddVectorsAsync(db, tenant, created.Chunks, token);
            if (provided is not null) ChunkIndexer.AddEmbeddings(db, tenant, created.Chunks, provided);
            await generations.BumpAsync(db, tenant, current is null ? [created.Id] : [created.Id, current.Id], token);
            await db.SaveChangesAsync(token);
            return created;
        }, ct);

        await consistency.FollowWriteAsync(indexSource, tenant, ct);
        trainer.Nudge(tenant);
        return document;
    }

    private KnowledgeDocument NewDocument(string tenant, Upload upload, DocumentType type, ExtractedDocument extracted,
        IReadOnlyList<TextChunk> pieces, string sha, int version)
    {
        var id = Guid.CreateVersion7();
        return new KnowledgeDocument
        {
            Id = id,
            TenantId = tenant,
            Collection = upload.Collection,
            Title = upload.Title,
            Version = version,
            IsCurrent = true,
            ContentType = type.ToString().ToLowerInvariant(),
            Pages = extracted.PageCount,
            ChunkCount = pieces.Count,
            ChunkSize = upload.ChunkSize,
            ChunkOverlap = upload.ChunkOverlap,
            SizeBytes = upload.Content.Length,
            Sha256 = sha,
            CreatedAt = time.GetUtcNow(),
            Chunks = pieces.Select((p, i) => new KnowledgeChunk
            {
                Id = Guid.CreateVersion7(), DocumentId = id, TenantId = tenant, Collection = upload.Collection, Ordinal = i, Page = p.Page, Text = p.Text,
            }).ToList(),
        };
    }
}
