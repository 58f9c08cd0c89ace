using LlmLab.AppHost.Model;
using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>
/// Ingress rules from the model's references: everything is denied by default, the gateway accepts anyone, and every
/// other service (or dev server) accepts only the services that reference it, on its own ports. Prometheus (pods named
/// prometheus in the namespace "monitoring", the usual kube-prometheus layout) may scrape each service's /metrics on the
/// HTTP port only; the gateway's /metrics is open to it through the gateway's own rule.
/// </summary>
public static class NetworkPolicies
{
    public const string DefaultDenyName = "default-deny-ingress";

    public static V1NetworkPolicy DefaultDeny() => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = DefaultDenyName, Labels = new Dictionary<string, string> { [KubernetesNames.PartOfLabel] = KubernetesNames.PartOf } },
        Spec = new V1NetworkPolicySpec { PodSelector = new V1LabelSelector(), PolicyTypes = ["Ingress"] },
    };

    /// <summary>The services that call <paramref name="target"/> (a service or a server such as redis), as the model says.</summary>
    public static IReadOnlyList<string> CallersOf(string target) => PlatformModel.Projects
        .Where(p => p.References.Contains(target) || p.Infrastructure.Contains(target) || (target == "postgres" && p.Databases.Count > 0))
        .Select(p => p.Name)
        .Order(StringComparer.Ordinal)
        .ToList();

    public const string MetricsNamespace = "monitoring";
    public const string MetricsScraper = "prometheus";

    public static V1NetworkPolicy For(ProjectResource resource)
    {
        var ports = ServiceWorkload.Ports(resource).Select(p => p.Port);
        if (resource.Name == PlatformModel.Gateway) return Policy(resource.Name, [new V1NetworkPolicyIngressRule { Ports = PortList(ports) }]);
        var policy = FromCallers(resource.Name, ports);
        policy.Spec.Ingress.Add(MetricsScrape());
        return policy;
    }

    /// <summary>Prometheus in the monitoring namespace, on the HTTP port (where /metrics is served), and nothing else.</summary>
    public static V1NetworkPolicyIngressRule MetricsScrape() => new()
    {
        FromProperty =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = MetricsNamespace } },
                PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [KubernetesNames.AppLabel] = MetricsScraper } },
            },
        ],
        Ports = PortList([KubernetesNames.HttpPort]),
    };

    public static V1NetworkPolicy FromCallers(string target, IEnumerable<int> ports)
    {
        var callers = CallersOf(target);
        var rules = callers.Count == 0
            ? new List<V1NetworkPolicyIngressRule>()
            :
            [
                new V1NetworkPolicyIngressRule
                {
                    FromProperty = callers.Select(c => new V1NetworkPolicyPeer
                    {
                        PodSelector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(c) },
                    }).ToList(),
                    Ports = PortList(ports),
                },
            ];
        return Policy(target, rules);
    }

    private static List<V1NetworkPolicyPort> PortList(IEnumerable<int> ports) =>
        ports.Select(p => new V1NetworkPolicyPort { Protocol = "TCP", Port = p }).ToList();

    private static V1NetworkPolicy Policy(string target, List<V1NetworkPolicyIngressRule> rules) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = ServiceWorkload.Metadata(target, target),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(target) },
            PolicyTypes = ["Ingress"],
            Ingress = rules,
        },
    };
}
