using Google.Protobuf;
using Grpc.Core;
using LlmLab.Contracts.Identity;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LlmLab.Gateway.Auth;

/// <summary>
/// Asks identity who holds an issued key, sending only the key's SHA-256. Answers (also "unknown") are reused for
/// Gateway:IssuedKeys:CacheSeconds (at most 5), which bounds how long a revoked key still works on any replica.
/// </summary>
public sealed class IssuedKeyAuthenticator(
    IdentityService.IdentityServiceClient identity, IMemoryCache cache, IOptionsMonitor<IssuedKeyOptions> options,
    ILogger<IssuedKeyAuthenticator> logger)
{
    public async Task<AuthenticationResult> AuthenticateAsync(string key, CancellationToken ct)
    {
        var hash = IssuedKeys.Hash(key);
        var cacheKey = "issued-key:" + Convert.ToHexString(hash);
        if (!cache.TryGetValue(cacheKey, out AuthenticateReply? reply) || reply is null)
        {
            try
            {
                reply = await identity.AuthenticateAsync(
                    new AuthenticateRequest { KeyHash = ByteString.CopyFrom(hash) },
                    deadline: DateTime.UtcNow.AddSeconds(options.CurrentValue.TimeoutSeconds), cancellationToken: ct);
            }
            catch (RpcException ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Identity could not check an issued key: {Status}", ex.StatusCode);
                return AuthenticationResult.Unavailable("The identity service did not answer; try again shortly.");
            }
            if (options.CurrentValue.CacheSeconds > 0) cache.Set(cacheKey, reply, TimeSpan.FromSeconds(options.CurrentValue.CacheSeconds));
        }
        return reply.Found
            ? AuthenticationResult.Success(new CallerIdentity(reply.TenantId, reply.SubjectId, reply.Role, reply.Tier, reply.KeyId), reply.Scopes)
            : AuthenticationResult.Refused("API key invalid", "The key is unknown, revoked or expired.");
    }
}
