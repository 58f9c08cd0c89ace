using LlmLab.ServiceKit;

namespace LlmLab.Gateway.Auth;

/// <summary>Configuration "Gateway:ApiKeys": bootstrap keys from configuration, each with the caller it stands for.</summary>
public sealed class ApiKeyOptions
{
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    public string Key { get; set; } = "";
    public string Tenant { get; set; } = "";
    /// <summary>Who the key stands for in audit records; empty: the key itself.</summary>
    public string Subject { get; set; } = "";
    public string Role { get; set; } = Roles.Admin;
    /// <summary>Gateway:Tiers; a key from configuration is "internal" (unlimited unless that tier is configured).</summary>
    public string Tier { get; set; } = TierLimits.Internal;
}
