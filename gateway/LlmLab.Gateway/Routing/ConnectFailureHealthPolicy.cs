using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace LlmLab.Gateway.Routing;

/// <summary>
/// Passive health: a destination that refused a connection is taken out of its cluster at once, for the cluster's
/// reactivation period. YARP's own TransportFailureRate policy waits for 10 requests and a 30 % failure rate within a
/// minute, which a dead replica's share of the traffic reaches only after many failed requests.
/// </summary>
public sealed class ConnectFailureHealthPolicy(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "ConnectFailure";

    public static readonly TimeSpan DefaultReactivationPeriod = TimeSpan.FromSeconds(10);

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request, Exception: var exception } || !IsConnectFailure(exception))
        {
            return;
        }
        var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? DefaultReactivationPeriod;
        health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
    }

    private static bool IsConnectFailure(Exception? exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => true,
        null => false,
        _ => IsConnectFailure(exception.InnerException),
    };
}
