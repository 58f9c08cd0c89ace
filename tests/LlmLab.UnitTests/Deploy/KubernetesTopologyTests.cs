using LlmLab.AppHost.Model;
using LlmLab.AppHost.Publish;
using k8s;
using k8s.Models;

namespace LlmLab.UnitTests.Deploy;

/// <summary>Who may reach whom, and how many of each run, in the rendered overlays.</summary>
public sealed class KubernetesTopologyTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    [Theory, MemberData(nameof(Overlays))]
    public void Only_the_gateway_is_open_and_every_service_admits_only_its_callers(string overlay)
    {
        var rendered = RenderedOverlay.Render(overlay);
        var policies = rendered.OfType<V1NetworkPolicy>().ToList();
        var deny = Assert.Single(policies, p => p.Metadata.Name == NetworkPolicies.DefaultDenyName);
        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Empty(deny.Spec.Ingress ?? []);

        foreach (var workload in rendered.OfType<V1Deployment>().Select(d => d.Metadata.Name)
                     .Concat(rendered.OfType<V1StatefulSet>().Select(s => s.Metadata.Name)))
        {
            var policy = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels?.Contains(new(KubernetesNames.AppLabel, workload)) == true);
            var isService = PlatformModel.Projects.Any(p => p.Name == workload) && workload != PlatformModel.Gateway;
            Assert.Equal(isService ? 2 : 1, policy.Spec.Ingress.Count);
            var rule = policy.Spec.Ingress[0];
            if (isService) AssertOnlyPrometheusScrapesTheHttpPort(policy.Spec.Ingress[1]);
            var callers = PlatformModel.Projects.Where(p => p.References.Contains(workload) || p.Infrastructure.Contains(workload)
                || (workload == "postgres" && p.Databases.Count > 0)).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            if (workload == PlatformModel.Gateway)
            {
                Assert.Null(rule.FromProperty);
                Assert.Empty(callers);
            }
            else
            {
                Assert.NotEmpty(callers);
                var admitted = rule.FromProperty.Select(p => p.PodSelector.MatchLabels[KubernetesNames.AppLabel]).Order(StringComparer.Ordinal);
                Assert.Equal(callers, admitted);
                Assert.DoesNotContain(rule.FromProperty, p => p.NamespaceSelector is not null || p.IpBlock is not null);
            }
        }
    }

    private static void AssertOnlyPrometheusScrapesTheHttpPort(V1NetworkPolicyIngressRule rule)
    {
        var peer = Assert.Single(rule.FromProperty);
        Assert.Equal(NetworkPolicies.MetricsNamespace, peer.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal(NetworkPolicies.MetricsScraper, peer.PodSelector.MatchLabels[KubernetesNames.AppLabel]);
        Assert.Equal(KubernetesNames.HttpPort.ToString(), Assert.Single(rule.Ports).Port.Value);
    }

    [Fact]
    public void Batch_is_reached_only_by_analytics_identity_and_the_gateway_which_reference_it()
    {
        var policy = RenderedOverlay.Render("prod").OfType<V1NetworkPolicy>().Single(p => p.Metadata.Name == "batch");
        var admitted = policy.Spec.Ingress[0].FromProperty.Select(p => p.PodSelector.MatchLabels[KubernetesNames.AppLabel]);
        Assert.Equal(new[] { "analytics", "gateway", "identity" }, admitted.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Prod_runs_two_replicas_autoscales_the_gateway_and_workers_and_takes_the_servers_as_inputs()
    {
        var rendered = RenderedOverlay.Render("prod");
        Assert.All(rendered.OfType<V1Deployment>(), d => Assert.Equal(2, d.Spec.Replicas));
        Assert.Empty(rendered.OfType<V1StatefulSet>());
        Assert.DoesNotContain(rendered.OfType<V1Service>(), s => s.Metadata.Name is "postgres" or "redis" or "rabbitmq");
        var deployments = rendered.OfType<V1Deployment>().Select(d => d.Metadata.Name).ToHashSet();
        var autoscalers = rendered.OfType<V2HorizontalPodAutoscaler>().ToList();
        Assert.Equal(new[] { "gateway", "llm-integration", "quality-analysis" }, autoscalers.Select(a => a.Spec.ScaleTargetRef.Name).Order(StringComparer.Ordinal));
        foreach (var autoscaler in autoscalers)
        {
            Assert.Contains(autoscaler.Spec.ScaleTargetRef.Name, deployments);
            Assert.Equal("Deployment", autoscaler.Spec.ScaleTargetRef.Kind);
            Assert.True(autoscaler.Spec.MinReplicas >= 2 && autoscaler.Spec.MaxReplicas > autoscaler.Spec.MinReplicas);
            Assert.Equal("cpu", autoscaler.Spec.Metrics.Single().Resource.Name);
        }
        Assert.All(rendered.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.Equal("llmlab", o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void Dev_runs_single_replicas_with_its_own_servers()
    {
        var rendered = RenderedOverlay.Render("dev");
        Assert.All(rendered.OfType<V1Deployment>(), d => Assert.Equal(1, d.Spec.Replicas));
        Assert.Empty(rendered.OfType<V2HorizontalPodAutoscaler>());
        var servers = rendered.OfType<V1StatefulSet>().ToList();
        Assert.Equal(new[] { "postgres", "rabbitmq", "redis" }, servers.Select(s => s.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.All(servers, s => Assert.Equal(1, s.Spec.Replicas));
        Assert.All(servers.SelectMany(s => s.Spec.Template.Spec.Containers).SelectMany(c => c.Env),
            e => Assert.Equal(DevServers.Secret, e.ValueFrom?.SecretKeyRef?.Name ?? DevServers.Secret));
    }
}
