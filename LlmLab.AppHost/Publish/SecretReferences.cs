using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>
/// Which environment variables carry secrets, and the Secret key each is read from. The Secrets are inputs (created by
/// the operator, in prod by the managed services' owners): the manifests only reference them, never hold a value.
/// </summary>
public static class SecretReferences
{
    /// <summary>Platform keys: the internal token signing key, the key ring's encryption key, the bootstrap API key.</summary>
    public const string PlatformSecret = "llmlab-platform";
    /// <summary>One key per database (identitydb, …) plus redis and rabbitmq: the full connection strings.</summary>
    public const string ConnectionsSecret = "llmlab-connections";

    private const string ConnectionStringPrefix = "ConnectionStrings__";

    private static readonly Dictionary<string, string> PlatformKeys = new()
    {
        ["Security__InternalTokenKey"] = "internal-token-key",
        ["Security__KeyEncryptionKey"] = "key-encryption-key",
        ["Gateway__ApiKeys__0__Key"] = "gateway-api-key",
    };

    /// <summary>The Secret key an environment variable is read from, or null when it is plain configuration.</summary>
    public static V1SecretKeySelector? For(string variable)
    {
        if (variable.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal))
        {
            return new V1SecretKeySelector { Name = ConnectionsSecret, Key = variable[ConnectionStringPrefix.Length..] };
        }
        return PlatformKeys.TryGetValue(variable, out var key) ? new V1SecretKeySelector { Name = PlatformSecret, Key = key } : null;
    }
}
