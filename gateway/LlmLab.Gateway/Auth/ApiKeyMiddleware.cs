using System.Security.Cryptography;
using System.Text;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Microsoft.Extensions.Options;

namespace LlmLab.Gateway.Auth;

/// <summary>
/// Authenticates /api and /v1 calls by X-Api-Key (or an OpenAI-style bearer key), records the key's caller for the
/// forwarding transform to sign, and strips the key so no service or log downstream ever sees it.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptionsMonitor<ApiKeyOptions> options, IProblemDetailsService problems)
{
    public const string HeaderName = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var protectedPath = (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/health")) || path.StartsWithSegments("/v1");
        RemoveCallerHeaders(context.Request);
        if (!protectedPath)
        {
            await next(context);
            return;
        }

        var presented = PresentedKey(context.Request);
        if (string.IsNullOrEmpty(presented))
        {
            await RejectAsync(context, "API key missing", $"Send your API key in the {HeaderName} header.");
            return;
        }
        var entry = Find(presented);
        if (entry is null)
        {
            await RejectAsync(context, "API key invalid", $"The {HeaderName} presented is not a key of this platform.");
            return;
        }

        context.Request.Headers.Remove(HeaderName);
        context.Request.Headers.Authorization = default;
        var caller = new CallerIdentity(entry.Tenant, string.IsNullOrEmpty(entry.Subject) ? $"key:{entry.Tenant}" : entry.Subject, entry.Role, entry.Tier,
            ConfiguredKeyId(entry.Key));
        context.Features.Set(caller);
        await next(context);
    }

    /// <summary>Identity is passed on only as the token the gateway signs: whatever a caller sent is dropped.</summary>
    private static void RemoveCallerHeaders(HttpRequest request) => request.Headers.Remove(InternalTokens.HeaderName);

    /// <summary>A configured key's id (its rate-limit counters): a prefix of its hash, which does not reveal the key.</summary>
    private static string ConfiguredKeyId(string key) => "config:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    private static string? PresentedKey(HttpRequest request)
    {
        var key = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrEmpty(key)) return key;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    private ApiKeyEntry? Find(string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? match = null;
        foreach (var entry in options.CurrentValue.ApiKeys)
        {
            // Compare hashes in constant time so response timing does not reveal a key's prefix.
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key)))) match = entry;
        }
        return match;
    }

    private Task RejectAsync(HttpContext context, string title, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 401, Title = title, Detail = detail, Extensions = { ["field"] = HeaderName } },
        }).AsTask();
    }
}
