namespace LlmLab.Knowledge.Domain;

/// <summary>
/// One write of a tenant's documents: the documents whose searchable chunks it changed, and the generation it moved the
/// tenant from, so a replica can tell whether the log it reads follows on from its index without a gap.
/// Kept for <see cref="KnowledgeOptions.IndexChangeRetentionHours"/>; a replica further behind rebuilds.
/// </summary>
public sealed class IndexChange
{
    public required string TenantId { get; set; }
    public long Generation { get; set; }
    public long PreviousGeneration { get; set; }
    public required List<Guid> DocumentIds { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
