using LlmLab.AppHost.Model;
using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>PodDisruptionBudgets for every service and CPU HorizontalPodAutoscalers for the gateway and the gRPC workers.</summary>
public static class Availability
{
    /// <summary>
    /// The processes whose load grows with traffic and that no queue measures: the entry point and the gRPC workers of
    /// the run pipeline. The queue workers scale on their queue's depth and CPU through KEDA (<see cref="QueueAutoscaling"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> Autoscaled = [PlatformModel.Gateway, "llm-integration", "quality-analysis"];

    public const int CpuUtilizationPercent = 70;

    public static V1PodDisruptionBudget DisruptionBudget(ProjectResource resource) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = ServiceWorkload.Metadata(resource.Name, resource.Name),
        Spec = new V1PodDisruptionBudgetSpec
        {
            // With one replica (dev) a drain may still evict it; with more, one at a time.
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(resource.Name) },
        },
    };

    public static V2HorizontalPodAutoscaler Autoscaler(string service, int minReplicas, int maxReplicas) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = ServiceWorkload.Metadata(service, service),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = service },
            MinReplicas = minReplicas,
            MaxReplicas = maxReplicas,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = CpuUtilizationPercent },
                    },
                },
            ],
        },
    };
}
