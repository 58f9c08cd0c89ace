namespace LlmLab.Knowledge.Domain;

/// <summary>
/// How far a tenant's documents have changed: bumped in the transaction of every upload, new version and delete, from
/// one PostgreSQL sequence (so a value is never reused, not even after the tenant's data was erased and the row with it).
/// A replica compares it with the generation its BM25 index holds before it searches.
/// </summary>
public sealed class IndexGeneration
{
    public required string TenantId { get; set; }
    public long Generation { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
