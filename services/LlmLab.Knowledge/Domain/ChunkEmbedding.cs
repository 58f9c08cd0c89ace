namespace LlmLab.Knowledge.Domain;

/// <summary>
/// A current chunk's embedding by a provider model (<c>provider/model</c>), for knowledge bases uploaded with one.
/// Little-endian float32, L2-normalised. Searched by a scan of the tenant's rows of that model (no IVF lists).
/// </summary>
public sealed class ChunkEmbedding
{
    public Guid ChunkId { get; set; }
    public required string Model { get; set; }
    public required string TenantId { get; set; }
    public required string Collection { get; set; }
    public required byte[] Vector { get; set; }
}
