using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmLab.ServiceKit.InternalIdentity;

/// <summary>
/// Mints and validates the short-lived signed token (a JWT, HMAC-SHA256) that carries a caller's identity from the
/// gateway to services and between services. A header a caller can send is never trusted; this signature is.
/// </summary>
public sealed class InternalTokens
{
    public const string HeaderName = "X-LlmLab-Identity";
    public const string ServiceRole = "service";
    private const string Issuer = "llmlab-platform";
    private const string Audience = "llmlab-services";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TokenMemo<CallerIdentity> _minted = new(MemoCapacity);
    private readonly TokenMemo<string> _validated = new(MemoCapacity, StringComparer.Ordinal);
    private const int MemoCapacity = 4096;

    public InternalTokens(IOptions<InternalTokenOptions> options, TimeProvider time)
    {
        var key = new SymmetricSecurityKey(DecodeKey(options.Value.InternalTokenKey));
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _time = time;
        _lifetime = options.Value.Lifetime;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        // The library's own rule (an expiry is required; not before and expiry each with the clock skew), on this clock.
        _validation.LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } end && now <= end + parameters.ClockSkew
                && (notBefore is not { } start || (start <= end && start - parameters.ClockSkew <= now));
        };
    }

    /// <summary>A token for the caller; the same one again while it is younger than a quarter of its lifetime.</summary>
    public string Mint(CallerIdentity caller)
    {
        var now = _time.GetUtcNow();
        if (_minted.TryGet(caller, now, out var held)) return held.Token;
        var token = Create(caller, now.UtcDateTime);
        _minted.Set(caller, new(token, caller, now, now + _lifetime / 4), now);
        return token;
    }

    private string Create(CallerIdentity caller, DateTime now)
    {
        var claims = new Dictionary<string, object>
        {
            ["tenant"] = caller.TenantId,
            ["role"] = caller.Role,
            ["tier"] = caller.Tier,
        };
        if (caller.KeyId is { } keyId) claims["key"] = keyId;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", caller.SubjectId)]),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-1),
            Expires = now.Add(_lifetime),
            SigningCredentials = _credentials,
        });
    }

    /// <summary>The caller a token stands for, or null when it is malformed, forged or expired.</summary>
    public async Task<CallerIdentity?> ValidateAsync(string token)
    {
        if (token.Length > 4096) return null;
        var now = _time.GetUtcNow();
        if (_validated.TryGet(token, now, out var known)) return known.Caller;
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid) return null;
        string Claim(string name) => result.Claims.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";
        var tenant = Claim("tenant");
        var subject = Claim("sub");
        var role = Claim("role");
        if (subject.Length == 0 || role.Length == 0) return null;
        var keyId = Claim("key");
        var caller = new CallerIdentity(tenant, subject, role, Claim("tier"), keyId.Length == 0 ? null : keyId);
        // Valid until the full check would call it expired: its expiry plus the clock skew that check allows.
        var until = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero) + _validation.ClockSkew;
        _validated.Set(token, new(token, caller, now, until), now);
        return caller;
    }

    private static byte[] DecodeKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new OptionsValidationException(InternalTokenOptions.Section, typeof(InternalTokenOptions),
                ["Security:InternalTokenKey must be base64."]);
        }
        return key.Length >= 32
            ? key
            : throw new OptionsValidationException(InternalTokenOptions.Section, typeof(InternalTokenOptions),
                ["Security:InternalTokenKey must hold at least 32 bytes."]);
    }
}
