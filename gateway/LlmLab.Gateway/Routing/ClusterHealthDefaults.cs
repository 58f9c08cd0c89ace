using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace LlmLab.Gateway.Routing;

/// <summary>
/// Health checks for every cluster whose configuration names none: an active probe of each destination's /alive
/// (MapDefaultEndpoints; answered without a platform token), the passive <see cref="ConnectFailureHealthPolicy"/>, and
/// HealthyOrPanic, so a cluster whose destinations all look down still gets its requests (as without health checks)
/// instead of a 503. With one replica nothing changes; with several, a dead one is skipped until it answers again.
/// </summary>
public sealed class ClusterHealthDefaults : IProxyConfigFilter
{
    public const string ProbePath = "/alive";
    private const string ProbeThreshold = "3";

    public static readonly HealthCheckConfig Defaults = new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(5),
            // Under load a probe may be slow; three misses in a row, not one, take a destination out.
            Timeout = TimeSpan.FromSeconds(3),
            Policy = "ConsecutiveFailures",
            Path = ProbePath,
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = ConnectFailureHealthPolicy.PolicyName,
            ReactivationPeriod = ConnectFailureHealthPolicy.DefaultReactivationPeriod,
        },
        AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
    };

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.HealthCheck is not null) return ValueTask.FromResult(cluster);
        var metadata = new Dictionary<string, string>(cluster.Metadata ?? new Dictionary<string, string>())
        {
            [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] = ProbeThreshold,
        };
        return ValueTask.FromResult(cluster with { HealthCheck = Defaults, Metadata = metadata });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
