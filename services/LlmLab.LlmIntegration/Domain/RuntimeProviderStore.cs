using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>
/// Providers added through the API, kept in Redis (one hash per owner) so every replica sees them. The API key is
/// encrypted with ASP.NET Data Protection under the owner's purpose before it is stored, and is only decrypted to
/// build the provider's client. The key ring itself is encrypted under the key-encryption key (see docs/security.md).
/// </summary>
public sealed class RuntimeProviderStore(IConnectionMultiplexer redis, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("LlmLab.ProviderKeys");

    public async Task<Dictionary<string, ProviderDefinition>> LoadAsync(ProviderOwner owner)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(owner.HashKey);
        var protector = _protector.CreateProtector(owner.Purpose);
        var providers = new Dictionary<string, ProviderDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var stored = JsonSerializer.Deserialize<StoredProvider>(entry.Value.ToString())!;
            stored.Definition.ApiKey = string.IsNullOrEmpty(stored.EncryptedKey) ? "" : protector.Unprotect(stored.EncryptedKey);
            stored.Definition.AddedAtRunTime = true;
            providers[entry.Name.ToString()] = stored.Definition;
        }
        return providers;
    }

    public Task<bool> ExistsAsync(ProviderOwner owner, string name) => redis.GetDatabase().HashExistsAsync(owner.HashKey, name.ToLowerInvariant());

    public Task SaveAsync(ProviderOwner owner, string name, ProviderDefinition definition)
    {
        var encrypted = string.IsNullOrEmpty(definition.ApiKey) ? "" : _protector.CreateProtector(owner.Purpose).Protect(definition.ApiKey);
        var copy = JsonSerializer.Deserialize<ProviderDefinition>(JsonSerializer.Serialize(definition))!;
        copy.ApiKey = "";
        return redis.GetDatabase().HashSetAsync(owner.HashKey, name.ToLowerInvariant(), JsonSerializer.Serialize(new StoredProvider(copy, encrypted)));
    }

    public Task<bool> DeleteAsync(ProviderOwner owner, string name) => redis.GetDatabase().HashDeleteAsync(owner.HashKey, name.ToLowerInvariant());

    /// <summary>Deletes every provider of the owner, with its encrypted key.</summary>
    public Task<bool> EraseAsync(ProviderOwner owner) => redis.GetDatabase().KeyDeleteAsync(owner.HashKey);

    private sealed record StoredProvider(ProviderDefinition Definition, string EncryptedKey);
}
