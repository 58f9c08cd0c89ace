using System.Security.Cryptography;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using Microsoft.Extensions.Options;

namespace LlmLab.Gateway.Auth;

/// <summary>Keys from configuration (Gateway:ApiKeys, the AppHost's dev key): usable before identity has any key.</summary>
public sealed class BootstrapKeys(IOptionsMonitor<ApiKeyOptions> options)
{
    public CallerIdentity? Find(string presented)
    {
        var presentedHash = IssuedKeys.Hash(presented);
        ApiKeyEntry? match = null;
        foreach (var entry in options.CurrentValue.ApiKeys)
        {
            // Compare hashes in constant time so response timing does not reveal a key's prefix.
            if (entry.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(presentedHash, IssuedKeys.Hash(entry.Key))) match = entry;
        }
        return match is null
            ? null
            : new CallerIdentity(match.Tenant, string.IsNullOrEmpty(match.Subject) ? $"key:{match.Tenant}" : match.Subject, match.Role, match.Tier,
                ConfiguredKeyId(match.Key));
    }

    /// <summary>A configured key's id (its rate-limit counters): a prefix of its hash, which does not reveal the key.</summary>
    private static string ConfiguredKeyId(string key) => "config:" + Convert.ToHexStringLower(IssuedKeys.Hash(key))[..16];
}
