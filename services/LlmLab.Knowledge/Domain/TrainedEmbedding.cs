namespace LlmLab.Knowledge.Domain;

/// <summary>
/// A tenant's built-in embedding trained on its chunks (Retrieval/TrainedEmbeddingModel.cs, serialised), and on how
/// many vectors it was fitted. Every replica loads it from here; the generation tells a replica its cached copy is stale.
/// </summary>
public sealed class TrainedEmbedding
{
    public required string TenantId { get; set; }
    public Guid Generation { get; set; }
    public long FittedOnCount { get; set; }
    public int Terms { get; set; }
    public DateTimeOffset FittedAt { get; set; }
    public required byte[] Model { get; set; }
}
