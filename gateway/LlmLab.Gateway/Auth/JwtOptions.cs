namespace LlmLab.Gateway.Auth;

/// <summary>
/// Configuration "Gateway:Jwt": bearer tokens are accepted when an issuer, an audience and signing keys (configured keys
/// or a JWKS URL) are set. Claims: TenantClaim → tenant, RoleClaim → role (admin, manager, analyst, user), TierClaim →
/// tier, "sub" → the caller ("jwt:&lt;sub&gt;").
/// </summary>
public sealed class JwtOptions
{
    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";
    /// <summary>Base64 HMAC secrets of at least 256 bits (HS256/384/512).</summary>
    public List<string> SymmetricKeys { get; set; } = [];
    /// <summary>PEM public keys (RSA or EC) for RS*/PS*/ES* tokens.</summary>
    public List<string> PublicKeysPem { get; set; } = [];
    /// <summary>A JSON Web Key Set URL the keys are read from (and re-read when a token names an unknown key).</summary>
    public string JwksUrl { get; set; } = "";
    public string TenantClaim { get; set; } = "tenant";
    public string RoleClaim { get; set; } = "role";
    public string TierClaim { get; set; } = "tier";
    public string DefaultTier { get; set; } = "free";
    public int ClockSkewSeconds { get; set; } = 30;

    public bool Enabled => Issuer.Length > 0 && Audience.Length > 0 && (SymmetricKeys.Count > 0 || PublicKeysPem.Count > 0 || JwksUrl.Length > 0);
}
