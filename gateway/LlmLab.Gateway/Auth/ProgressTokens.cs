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
/// (tenant, subject, role, key scopes) and the one run whose stream it opens. Nothing else accepts it.
/// </summary>
public sealed class ProgressTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const string Issuer = "llmlab-gateway";
    private const string Audience = "llmlab-progress-stream";

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

    public (string Token, DateTimeOffset ExpiresAt) Mint(CallerIdentity caller, IReadOnlyList<string> scopes, Guid runId)
    {
        var now = _time.GetUtcNow();
        var expires = now + Lifetime;
        var claims = new Dictionary<string, object>
        {
            ["tenant"] = caller.TenantId,
            ["role"] = caller.Role,
            ["tier"] = caller.Tier,
            ["run"] = runId.ToString(),
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
    public async Task<AuthenticationResult?> ValidateAsync(string token, Guid runId)
    {
        if (token.Length > 4096) return null;
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid) return null;
        string Claim(string name) => result.Claims.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";
        if (!Guid.TryParse(Claim("run"), out var run) || run != runId) return null;
        var subject = Claim("sub");
        var role = Claim("role");
        if (subject.Length == 0 || role.Length == 0) return null;
        var keyId = Claim("key");
        var scopes = JsonSerializer.Deserialize<string[]>(Claim("scopes") is { Length: > 0 } s ? s : "[]") ?? [];
        return AuthenticationResult.Success(new CallerIdentity(Claim("tenant"), subject, role, Claim("tier"), keyId.Length == 0 ? null : keyId), scopes);
    }
}
