namespace LlmLab.Gateway.OpenApi;

/// <summary>One gateway route as the merge sees it: a path template ("{x}" one segment, "{**x}" the rest) and its service.</summary>
public sealed record GatewayRoute(string Path, string ClusterId);

/// <summary>
/// Answers which service the gateway forwards a documented path to, with routing's precedence (per segment: a literal
/// beats a parameter beats a catch-all). A service documents a path only if the gateway really sends that path to it,
/// so internal paths (service-to-service) and paths another service wins never reach the public contract.
/// </summary>
public sealed class GatewayRouteTable(IEnumerable<GatewayRoute> routes)
{
    private readonly List<(string[] Segments, string ClusterId)> _routes =
        routes.Select(r => (Split(r.Path), r.ClusterId)).ToList();

    public string? ClusterFor(string documentedPath)
    {
        var path = Split(documentedPath);
        string[]? best = null;
        string? cluster = null;
        foreach (var (segments, clusterId) in _routes)
        {
            if (!Matches(segments, path)) continue;
            if (best is null || MoreSpecific(segments, best))
            {
                best = segments;
                cluster = clusterId;
            }
        }
        return cluster;
    }

    private static bool Matches(string[] route, string[] path)
    {
        for (var i = 0; i < route.Length; i++)
        {
            if (IsCatchAll(route[i])) return true;
            if (i >= path.Length) return false;
            // A documented "{id}" stands for any value: only a route parameter is sure to take it.
            if (IsParameter(route[i])) continue;
            if (IsParameter(path[i]) || !string.Equals(route[i], path[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return route.Length == path.Length;
    }

    private static bool MoreSpecific(string[] candidate, string[] current)
    {
        for (var i = 0; i < Math.Max(candidate.Length, current.Length); i++)
        {
            var a = Rank(candidate, i);
            var b = Rank(current, i);
            if (a != b) return a < b;
        }
        return false;
    }

    /// <summary>0 literal, 1 parameter, 2 catch-all, 3 nothing (a catch-all also takes the empty rest).</summary>
    private static int Rank(string[] segments, int i) =>
        i >= segments.Length ? 3 : IsCatchAll(segments[i]) ? 2 : IsParameter(segments[i]) ? 1 : 0;

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    private static bool IsCatchAll(string segment) => segment.StartsWith("{*", StringComparison.Ordinal);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
