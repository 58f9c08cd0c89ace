using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LlmLab.Gateway.Auth;

/// <summary>JwtBearer validation (issuer, audience, lifetime, signature) from Gateway:Jwt.</summary>
public static class JwtSetup
{
    public static IHostApplicationBuilder AddJwtValidation(this IHostApplicationBuilder builder)
    {
        var jwt = builder.Configuration.GetSection("Gateway:Jwt").Get<JwtOptions>() ?? new JwtOptions();
        builder.Services.AddSingleton(jwt);
        builder.Services.AddAuthentication().AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
                IssuerSigningKeys = ConfiguredKeys(jwt),
            };
            if (jwt.JwksUrl.Length > 0)
            {
                o.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    jwt.JwksUrl, new JwksRetriever(), new HttpDocumentRetriever { RequireHttps = jwt.JwksUrl.StartsWith("https:", StringComparison.Ordinal) });
            }
        });
        return builder;
    }

    private static List<SecurityKey> ConfiguredKeys(JwtOptions jwt)
    {
        var keys = new List<SecurityKey>();
        foreach (var secret in jwt.SymmetricKeys)
        {
            var bytes = Convert.FromBase64String(secret);
            if (bytes.Length < 32) throw new InvalidOperationException("Gateway:Jwt:SymmetricKeys: each key needs at least 256 bits.");
            keys.Add(new SymmetricSecurityKey(bytes));
        }
        foreach (var pem in jwt.PublicKeysPem)
        {
            keys.Add(pem.Contains("EC PUBLIC", StringComparison.Ordinal) || IsEc(pem) ? EcKey(pem) : RsaKey(pem));
        }
        return keys;
    }

    private static bool IsEc(string pem)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static RsaSecurityKey RsaKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }

    private static ECDsaSecurityKey EcKey(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new ECDsaSecurityKey(ec);
    }
}
