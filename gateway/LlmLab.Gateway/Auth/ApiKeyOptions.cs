namespace LlmLab.Gateway.Auth;

/// <summary>Configuration "Gateway:ApiKeys": each key and the tenant it stands for.</summary>
public sealed class ApiKeyOptions
{
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    public string Key { get; set; } = "";
    public string Tenant { get; set; } = "";
}
