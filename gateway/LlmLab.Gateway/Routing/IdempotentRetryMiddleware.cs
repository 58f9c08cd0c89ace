using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace LlmLab.Gateway.Routing;

/// <summary>
/// Sends a GET or HEAD once more to each other available destination of its cluster when a destination could not be
/// reached or dropped the connection before answering (<see cref="ForwarderError.Request"/>: a replica restarting or
/// killed), so the caller gets the other replica's answer instead of a 502. Other methods are not repeated: the first
/// attempt may have taken effect. The first middleware of the proxy pipeline, before load balancing.
/// </summary>
public sealed class IdempotentRetryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsRepeatable(context.Request))
        {
            await next(context);
            return;
        }
        var proxy = context.GetReverseProxyFeature();
        // Load balancing narrows AvailableDestinations to the one it picks, so keep the cluster's list of this request.
        var available = proxy.AvailableDestinations;
        var tried = new HashSet<DestinationState>();
        while (true)
        {
            await next(context);
            if (context.GetForwarderErrorFeature()?.Error != ForwarderError.Request || context.Response.HasStarted
                || proxy.ProxiedDestination is not { } failed || !tried.Add(failed))
            {
                return;
            }
            var untried = available.Where(d => !tried.Contains(d)).ToList();
            if (untried.Count == 0) return;
            proxy.AvailableDestinations = untried;
            context.Features.Set<IForwarderErrorFeature?>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    private static bool IsRepeatable(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.ContentLength is null or 0 && !request.Headers.ContainsKey(HeaderNames.TransferEncoding);
}
