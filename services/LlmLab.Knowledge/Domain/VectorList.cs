namespace LlmLab.Knowledge.Domain;

/// <summary>One IVF list of a tenant: its centroid (little-endian float32, L2-normalised).</summary>
public sealed class VectorList
{
    public required string TenantId { get; set; }
    public int ListNo { get; set; }
    public required byte[] Centroid { get; set; }
}
