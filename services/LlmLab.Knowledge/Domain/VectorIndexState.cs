namespace LlmLab.Knowledge.Domain;

/// <summary>When a tenant's IVF lists were last trained and on how many vectors; replicas compare it to their cache.</summary>
public sealed class VectorIndexState
{
    public required string TenantId { get; set; }
    public int Lists { get; set; }
    public long TrainedOnCount { get; set; }
    public Guid Generation { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
}
