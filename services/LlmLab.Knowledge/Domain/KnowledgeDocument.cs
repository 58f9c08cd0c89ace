namespace LlmLab.Knowledge.Domain;

/// <summary>One version of an uploaded document. Only the current version of a title is searchable.</summary>
public sealed class KnowledgeDocument
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string Collection { get; set; }
    public required string Title { get; set; }
    public int Version { get; set; }
    public bool IsCurrent { get; set; }
    public required string ContentType { get; set; }
    public int? Pages { get; set; }
    public int ChunkCount { get; set; }
    public int ChunkSize { get; set; }
    public int ChunkOverlap { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>The provider model (provider/model) its chunks were also embedded with; null: only the built-in local one.</summary>
    public string? EmbeddingModel { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<KnowledgeChunk> Chunks { get; set; } = [];
}
