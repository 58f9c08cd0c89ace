namespace LlmLab.Analytics.Webhooks;

/// <summary>A tenant's webhook: where alerts of the subscribed kinds are posted, signed with its secret (stored sealed).</summary>
public sealed class Webhook
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    /// <summary>The secret sealed by <see cref="WebhookSecrets"/>: AES-256-GCM under a key derived from the key-encryption key.</summary>
    public required string SealedSecret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
