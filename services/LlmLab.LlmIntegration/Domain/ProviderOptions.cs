namespace LlmLab.LlmIntegration.Domain;

/// <summary>Configuration section "Llm": the providers, their models, prices and limits.</summary>
public sealed class LlmOptions
{
    public string DefaultProvider { get; set; } = "local";
    public Dictionary<string, ProviderDefinition> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Tenants whose admins may publish, change and delete shared providers (the platform's operators); empty: shared
    /// providers come from configuration only.
    /// </summary>
    public List<string> SharedProviderPublishers { get; set; } = [];

    public bool MayPublishShared(LlmLab.ServiceKit.CallerIdentity caller) =>
        caller.IsAdmin && SharedProviderPublishers.Contains(caller.TenantId, StringComparer.Ordinal);

    /// <summary>How long a cached response is kept.</summary>
    public int CacheTtlMinutes { get; set; } = 24 * 60;

    /// <summary>Cached responses a tenant keeps at most; past it the oldest written are deleted.</summary>
    public int CacheMaxEntriesPerTenant { get; set; } = 20_000;
}

public enum ProviderKind
{
    Local,
    Simulated,
    OpenAi,
    Anthropic,
}

public sealed class ProviderDefinition
{
    public ProviderKind Kind { get; set; } = ProviderKind.Local;
    /// <summary>OpenAI-compatible or Anthropic endpoint; empty: the vendor's own.</summary>
    public string BaseUrl { get; set; } = "";
    /// <summary>From configuration (a secret store or environment); never returned by the API.</summary>
    public string ApiKey { get; set; } = "";
    public string DefaultModel { get; set; } = "";
    public List<ModelDefinition> Models { get; set; } = [];
    public List<string> Capabilities { get; set; } = [];
    /// <summary>Calls in flight at once, across every replica.</summary>
    public int MaxConcurrency { get; set; } = 16;
    /// <summary>0: unlimited.</summary>
    public int RequestsPerMinute { get; set; }
    /// <summary>0: unlimited. Counted as prompt tokens plus max_tokens, reserved before the call.</summary>
    public int TokensPerMinute { get; set; }
    /// <summary>How long one attempt of a call may take; real models often need minutes for long answers.</summary>
    public int TimeoutSeconds { get; set; } = 600;
    /// <summary>When streaming: how long the provider may stay silent between two chunks before the call is a timeout.</summary>
    public int StreamIdleTimeoutSeconds { get; set; } = 120;
    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds));
    public TimeSpan StreamIdleTimeout => TimeSpan.FromSeconds(Math.Max(1, StreamIdleTimeoutSeconds));
    /// <summary>True for providers added through the API (kept in Redis) rather than configuration.</summary>
    public bool AddedAtRunTime { get; set; }
}

public sealed class ModelDefinition
{
    public string Name { get; set; } = "";
    public decimal InputPricePerMillion { get; set; }
    public decimal OutputPricePerMillion { get; set; }
    public int ContextWindow { get; set; } = 4096;
}
