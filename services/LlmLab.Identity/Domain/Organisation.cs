namespace LlmLab.Identity.Domain;

/// <summary>An organisation: one tenant of the platform. Its id is the tenant id every service filters by.</summary>
public sealed class Organisation
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Limits tier of every caller of the organisation: free, premium or enterprise.</summary>
    public string Tier { get; set; } = Tiers.Free;
    public DateTimeOffset CreatedAt { get; set; }
}
