namespace LlmLab.Knowledge.Domain;

/// <summary>A piece of a document's text, the unit that is indexed and retrieved. Page 0: the format has no pages.</summary>
public sealed class KnowledgeChunk
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public required string TenantId { get; set; }
    public required string Collection { get; set; }
    public int Ordinal { get; set; }
    public int Page { get; set; }
    public required string Text { get; set; }
}
