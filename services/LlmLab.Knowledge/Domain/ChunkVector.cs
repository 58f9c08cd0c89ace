namespace LlmLab.Knowledge.Domain;

/// <summary>
/// The <c>local</c> embedding of a current chunk and the IVF list it belongs to (0 until the tenant's vectors are
/// clustered). Vectors are little-endian float32, L2-normalised.
/// </summary>
public sealed class ChunkVector
{
    public Guid ChunkId { get; set; }
    public required string TenantId { get; set; }
    public required string Collection { get; set; }
    public int ListNo { get; set; }
    public required byte[] Vector { get; set; }
}
