using Yarp.ReverseProxy.Health;

namespace LlmLab.Gateway.Routing;

/// <summary>
/// Routing around a dead replica: destination health checks on every cluster (<see cref="ClusterHealthDefaults"/>) and
/// a second destination for a GET or HEAD the first could not answer (<see cref="IdempotentRetryMiddleware"/>).
/// </summary>
public static class ReplicaFailover
{
    public static IReverseProxyBuilder AddReplicaFailover(this IReverseProxyBuilder proxy)
    {
        proxy.Services.AddSingleton<IPassiveHealthCheckPolicy, ConnectFailureHealthPolicy>();
        return proxy.AddConfigFilter<ClusterHealthDefaults>();
    }

    /// <summary>YARP's default proxy pipeline (affinity, load balancing, passive health) behind the retry.</summary>
    public static void UseReplicaFailover(this IReverseProxyApplicationBuilder pipeline)
    {
        pipeline.UseMiddleware<IdempotentRetryMiddleware>();
        pipeline.UseSessionAffinity();
        pipeline.UseLoadBalancing();
        pipeline.UsePassiveHealthChecks();
    }
}
