using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit.InternalIdentity;

/// <summary>
/// Signs every outgoing call of a service (HTTP and gRPC clients from the HttpClient factory): as the tenant the
/// caller code names with <see cref="ActingFor.ActAs"/>, else as the caller of the request being handled, else as the
/// service itself.
/// </summary>
public sealed class InternalIdentityHandler(InternalTokens tokens, IHttpContextAccessor accessor, ServiceName service) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(InternalTokens.HeaderName))
        {
            request.Headers.Add(InternalTokens.HeaderName, tokens.Mint(CallerFor(request)));
        }
        return base.SendAsync(request, cancellationToken);
    }

    private CallerIdentity CallerFor(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(ActingFor.Caller, out var caller)) return caller;
        if (request.Options.TryGetValue(ActingFor.Tenant, out var tenant))
        {
            return new CallerIdentity(tenant, $"service:{service.Value}", InternalTokens.ServiceRole);
        }
        return accessor.HttpContext?.Caller() ?? new CallerIdentity("", $"service:{service.Value}", InternalTokens.ServiceRole);
    }
}

/// <summary>The name a service signs its own calls with (its OTEL service name or application name).</summary>
public sealed record ServiceName(string Value);

/// <summary>
/// Marks an outgoing request as made on behalf of a tenant (a background worker has no HTTP caller), or of a caller
/// whose own rights must apply (a user who may see only their own experiments).
/// </summary>
public static class ActingFor
{
    public static readonly HttpRequestOptionsKey<string> Tenant = new("llmlab.acting-for-tenant");
    public static readonly HttpRequestOptionsKey<CallerIdentity> Caller = new("llmlab.acting-for-caller");

    public static HttpRequestMessage ActAs(this HttpRequestMessage request, CallerIdentity caller)
    {
        request.Options.Set(Caller, caller);
        return request;
    }

    public static HttpRequestMessage ActAs(this HttpRequestMessage request, string tenantId)
    {
        request.Options.Set(Tenant, tenantId);
        return request;
    }
}
