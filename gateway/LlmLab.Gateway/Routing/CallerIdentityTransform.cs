using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Yarp.ReverseProxy.Transforms;

namespace LlmLab.Gateway.Routing;

/// <summary>Passes the authenticated caller on to the service as a token signed with the platform secret.</summary>
public static class CallerIdentityTransform
{
    public static IReverseProxyBuilder AddCallerIdentity(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(context => context.AddRequestTransform(transform =>
        {
            transform.ProxyRequest.Headers.Remove(InternalTokens.HeaderName);
            if (transform.HttpContext.Caller() is { } caller)
            {
                var tokens = transform.HttpContext.RequestServices.GetRequiredService<InternalTokens>();
                transform.ProxyRequest.Headers.Add(InternalTokens.HeaderName, tokens.Mint(caller));
            }
            return ValueTask.CompletedTask;
        }));
}
