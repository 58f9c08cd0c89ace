using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>
/// Providers added through the API, kept in Redis so every replica sees them. The API key is encrypted with ASP.NET
/// Data Protection (keys also in Redis) before it is stored, and is only decrypted to build the provider's client.
/// </summary>
public sealed class RuntimeProviderStore(IConnectionMultiplexer redis, IDataProtectionProvider protection)
{
    private const string HashKey = "llmlab:providers";
    private readonly IDataProtector _protector = protection.CreateProtector("LlmLab.ProviderKeys");

    public async Task<Dictionary<string, ProviderDefinition>> LoadAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(HashKey);
        var providers = new Dictionary<string, ProviderDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var stored = JsonSerializer.Deserialize<StoredProvider>(entry.Value.ToString())!;
            stored.Definition.ApiKey = string.IsNullOrEmpty(stored.EncryptedKey) ? "" : _protector.Unprotect(stored.EncryptedKey);
            stored.Definition.AddedAtRunTime = true;
            providers[entry.Name.ToString()] = stored.Definition;
        }
        return providers;
    }

    public Task SaveAsync(string name, ProviderDefinition definition)
    {
        var encrypted = string.IsNullOrEmpty(definition.ApiKey) ? "" : _protector.Protect(definition.ApiKey);
        var copy = JsonSerializer.Deserialize<ProviderDefinition>(JsonSerializer.Serialize(definition))!;
        copy.ApiKey = "";
        return redis.GetDatabase().HashSetAsync(HashKey, name.ToLowerInvariant(), JsonSerializer.Serialize(new StoredProvider(copy, encrypted)));
    }

    public Task<bool> DeleteAsync(string name) => redis.GetDatabase().HashDeleteAsync(HashKey, name.ToLowerInvariant());

    private sealed record StoredProvider(ProviderDefinition Definition, string EncryptedKey);
}
