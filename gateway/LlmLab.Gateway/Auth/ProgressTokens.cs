using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmLab.Gateway.Auth;

/// <summary>
/// The browser-safe credential of a run's progress stream (EventSource cannot send headers): a JWT, HMAC-SHA256 with a
/// key derived from the platform secret for this purpose alone, valid for <see cref="Lifetime"/>, naming the caller
/// (tenant, subject, role, key scopes) and the one run whose stream it opens, or the tenant's live streams
/// (<see cref="TenantStreamsClaim"/>: GET /api/events/stream and /api/alerts/stream). Nothing else accepts it.
/// </summary>
public sealed class ProgressTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const string Issuer = "llmlab-gateway";
    private const string Audience = "llmlab-progress-stream";
    private const string TenantStreamsClaim = "tenant-streams";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;

    public ProgressTokens(IOptions<InternalTokenOptions> options, TimeProvider time)
    {
        // A separate key, so a progress token can never pass as the identity token services accept (and vice versa).
        var secret = Convert.FromBase64String(options.Value.InternalTokenKey);
        var key = new SymmetricSecurityKey(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("llmlab progress-stream token v1")));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _time = time;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } end && end > _time.GetUtcNow().UtcDateTime
                && (notBefore is null || notBefore <= _time.GetUtcNow().UtcDateTime),
        };
    }

    public (string Token, DateTimeOffset ExpiresAt) Mint(CallerIdentity caller, IReadOnlyList<string> scopes, Guid runId) =>
        Mint(caller, scopes, "run", runId.ToString());

    /// <summary>A token that opens the caller's tenant's live streams (events and alerts), and no run's progress.</summary>
    public (string Token, DateTimeOffset ExpiresAt) MintForTenantStreams(CallerIdentity caller, IReadOnlyList<string> scopes) =>
        Mint(caller, scopes, "stream", TenantStreamsClaim);

    private (string Token, DateTimeOffset ExpiresAt) Mint(CallerIdentity caller, IReadOnlyList<string> scopes, string targetClaim, string target)
    {
        var now = _time.GetUtcNow();
        var expires = now + Lifetime;
        var claims = new Dictionary<string, object>
        {
            ["tenant"] = caller.TenantId,
            ["role"] = caller.Role,
            ["tier"] = caller.Tier,
            [targetClaim] = target,
            ["scopes"] = JsonSerializer.Serialize(scopes),
        };
        if (caller.KeyId is { } keyId) claims["key"] = keyId;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", caller.SubjectId)]),
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-1),
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
        });
        return (token, expires);
    }

    /// <summary>The caller, when the token is genuine, unexpired and made for this run's stream; otherwise null.</summary>
    public Task<AuthenticationResult?> ValidateAsync(string token, Guid runId) =>
        ValidateAsync(token, claim => Guid.TryParse(claim("run"), out var run) && run == runId && claim("stream").Length == 0);

    /// <summary>The caller, when the token is genuine, unexpired and made for the tenant's live streams; otherwise null.</summary>
    public Task<AuthenticationResult?> ValidateForTenantStreamsAsync(string token) =>
        ValidateAsync(token, claim => claim("stream") == TenantStreamsClaim && claim("run").Length == 0);

    private async Task<AuthenticationResult?> ValidateAsync(string token, Func<Func<string, string>, bool> opens)
    {
        if (token.Length > 4096) return null;
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid) return null;
        string Claim(string name) => result.Claims.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";
        if (!opens(Claim)) return null;
        var subject = Claim("sub");
        var role = Claim("role");
        if (subject.Length == 0 || role.Length == 0) return null;
        var keyId = Claim("key");
        var scopes = JsonSerializer.Deserialize<string[]>(Claim("scopes") is { Length: > 0 } s ? s : "[]") ?? [];
        return AuthenticationResult.Success(new CallerIdentity(Claim("tenant"), subject, role, Claim("tier"), keyId.Length == 0 ? null : keyId), scopes);
    }
}
