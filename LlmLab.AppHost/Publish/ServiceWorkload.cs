using LlmLab.AppHost.Model;
using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>A service's Deployment, Service and ConfigMap.</summary>
public static class ServiceWorkload
{
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";

    public static IEnumerable<object> For(ProjectResource resource)
    {
        var environment = KubernetesEnvironment.For(resource);
        yield return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = Metadata(KubernetesNames.ConfigMapName(resource.Name), resource.Name),
            Data = environment.Configuration,
        };
        yield return Deployment(resource, environment);
        yield return Service(resource);
    }

    private static V1Deployment Deployment(ProjectResource resource, KubernetesEnvironment environment) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Metadata(resource.Name, resource.Name),
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(resource.Name) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = KubernetesNames.Labels(resource.Name) },
                Spec = new V1PodSpec
                {
                    AutomountServiceAccountToken = false,
                    EnableServiceLinks = false,
                    SecurityContext = SecurityProfile.Pod(KubernetesNames.AppUserId),
                    Containers = [Container(resource, environment)],
                    Volumes =
                    [
                        new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() },
                        new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() },
                    ],
                },
            },
        },
    };

    private static V1Container Container(ProjectResource resource, KubernetesEnvironment environment) => new()
    {
        Name = resource.Name,
        Image = KubernetesNames.Image(resource.Name),
        Ports = Ports(resource).Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.Port, Protocol = "TCP" }).ToList(),
        EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = KubernetesNames.ConfigMapName(resource.Name) } }],
        Env = [.. environment.Secrets],
        ReadinessProbe = Probe(ReadinessPath, periodSeconds: 5, failureThreshold: 3),
        LivenessProbe = Probe(LivenessPath, periodSeconds: 10, failureThreshold: 6),
        StartupProbe = Probe(LivenessPath, periodSeconds: 5, failureThreshold: 60),
        Resources = ResourceProfile.For(resource.Name),
        SecurityContext = SecurityProfile.Container(),
        VolumeMounts =
        [
            new V1VolumeMount { Name = "data", MountPath = KubernetesNames.DataMountPath },
            new V1VolumeMount { Name = "tmp", MountPath = "/tmp" },
        ],
    };

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = KubernetesNames.HttpPortName },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 3,
        FailureThreshold = failureThreshold,
    };

    private static V1Service Service(ProjectResource resource) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(resource.Name, resource.Name),
        Spec = new V1ServiceSpec
        {
            Selector = KubernetesNames.Selector(resource.Name),
            Ports = Ports(resource).Select(p => new V1ServicePort
            {
                Name = p.Name,
                Port = p.Port,
                TargetPort = p.Name,
                Protocol = "TCP",
                AppProtocol = p.Name == KubernetesNames.GrpcPortName ? "kubernetes.io/h2c" : "http",
            }).ToList(),
        },
    };

    public static IReadOnlyList<(string Name, int Port)> Ports(ProjectResource resource) => resource.HasGrpcEndpoint
        ? [(KubernetesNames.HttpPortName, KubernetesNames.HttpPort), (KubernetesNames.GrpcPortName, KubernetesNames.GrpcPort)]
        : [(KubernetesNames.HttpPortName, KubernetesNames.HttpPort)];

    public static V1ObjectMeta Metadata(string name, string app) => new() { Name = name, Labels = KubernetesNames.Labels(app) };
}
