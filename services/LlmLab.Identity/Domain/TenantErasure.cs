namespace LlmLab.Identity.Domain;

/// <summary>
/// The record that a tenant was erased, by whom and when: kept after the erasure (it holds no data of the tenant
/// beyond its id) so an operator can show the request was acted on.
/// </summary>
public sealed class TenantErasure
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
