using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace LlmLab.Gateway.Auth;

/// <summary>Validates a bearer JWT through JwtBearer and maps its claims to the caller (see JwtOptions).</summary>
public sealed class JwtAuthenticator(JwtOptions options)
{
    public bool Enabled => options.Enabled;

    /// <summary>A JWS in compact form: three base64url parts; API keys never contain a dot.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    public async Task<AuthenticationResult> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is null)
        {
            return AuthenticationResult.Refused("Bearer token invalid",
                $"The token was refused ({Reason(result.Failure)}); it needs issuer {options.Issuer}, audience {options.Audience}, a valid lifetime and signature.");
        }
        var claims = result.Principal;
        var tenant = claims.FindFirst(options.TenantClaim)?.Value;
        var role = claims.FindFirst(options.RoleClaim)?.Value;
        var subject = claims.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(tenant) || tenant.Length > 100)
            return AuthenticationResult.Refused("Bearer token invalid", $"The token has no usable '{options.TenantClaim}' claim.");
        if (role is null || !Roles.All.Contains(role))
            return AuthenticationResult.Refused("Bearer token invalid", $"The token's '{options.RoleClaim}' claim must be one of {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 190)
            return AuthenticationResult.Refused("Bearer token invalid", "The token has no usable 'sub' claim.");
        var tier = claims.FindFirst(options.TierClaim)?.Value is { Length: > 0 and <= 20 } t ? t : options.DefaultTier;
        return AuthenticationResult.Success(new CallerIdentity(tenant, $"jwt:{subject}", role, tier));
    }

    private static string Reason(Exception? failure) => failure switch
    {
        Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "expired",
        Microsoft.IdentityModel.Tokens.SecurityTokenNotYetValidException => "not yet valid",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException => "wrong issuer",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException => "wrong audience",
        Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException or Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException => "bad signature",
        Microsoft.IdentityModel.Tokens.SecurityTokenNoExpirationException => "no expiry",
        _ => "malformed",
    };
}
