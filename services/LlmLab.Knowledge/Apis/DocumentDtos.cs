using LlmLab.Knowledge.Domain;

namespace LlmLab.Knowledge.Apis;

/// <summary>The answer to an upload: the new version's id and what was made of the file.</summary>
public sealed record UploadedDto(Guid Id, string Title, string Collection, int Version, string Type, int? Pages, int Chunks, string? EmbeddingModel);

/// <summary>A document version in lists.</summary>
public sealed record DocumentDto(Guid Id, string Title, string Collection, int Version, bool IsCurrent, string Type, int? Pages,
    int ChunkCount, int ChunkSize, int ChunkOverlap, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, string? EmbeddingModel)
{
    public static DocumentDto From(KnowledgeDocument d) => new(d.Id, d.Title, d.Collection, d.Version, d.IsCurrent, d.ContentType, d.Pages,
        d.ChunkCount, d.ChunkSize, d.ChunkOverlap, d.SizeBytes, d.Sha256, d.CreatedAt, d.EmbeddingModel);
}

public sealed record ChunkDto(Guid Id, int Ordinal, int Page, string Text);

/// <summary>One document version with its chunks in order.</summary>
public sealed record DocumentDetailDto(Guid Id, string Title, string Collection, int Version, bool IsCurrent, string Type, int? Pages,
    int ChunkCount, int ChunkSize, int ChunkOverlap, long SizeBytes, string Sha256, DateTimeOffset CreatedAt, string? EmbeddingModel,
    IReadOnlyList<ChunkDto> Chunks)
{
    public static DocumentDetailDto From(KnowledgeDocument d) => new(d.Id, d.Title, d.Collection, d.Version, d.IsCurrent, d.ContentType,
        d.Pages, d.ChunkCount, d.ChunkSize, d.ChunkOverlap, d.SizeBytes, d.Sha256, d.CreatedAt, d.EmbeddingModel,
        d.Chunks.OrderBy(c => c.Ordinal).Select(c => new ChunkDto(c.Id, c.Ordinal, c.Page, c.Text)).ToList());
}
