using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace LlmLab.Gateway.Routing;

/// <summary>
/// Resolves YARP destinations written as logical addresses ("http://batch") through Microsoft.Extensions.ServiceDiscovery,
/// so routes follow `services__batch__http__0` as under Aspire (the ServiceDiscovery.Yarp package is not served here).
/// </summary>
public sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var source = await resolver.GetEndpointsAsync(destination.Address, cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var original = new Uri(destination.Address);
            var index = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var address = ToUri(endpoint.EndPoint, original.Scheme);
                resolved[$"{name}[{index++}]"] = destination with { Address = new Uri(address, original.PathAndQuery).ToString() };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    private static Uri ToUri(EndPoint endPoint, string scheme) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        IPEndPoint ip => new UriBuilder(scheme, ip.Address.ToString(), ip.Port).Uri,
        DnsEndPoint dns => new UriBuilder(scheme, dns.Host, dns.Port).Uri,
        _ => throw new InvalidOperationException($"Cannot route to endpoint {endPoint}."),
    };
}
