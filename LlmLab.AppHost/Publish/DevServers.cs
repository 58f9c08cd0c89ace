using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>
/// The dev overlay's single-replica PostgreSQL, Redis and RabbitMQ (in prod they are managed services, inputs).
/// Their passwords come from the Secret <see cref="Secret"/>, which the operator creates with the connections Secret.
/// </summary>
public static class DevServers
{
    public const string Secret = "llmlab-dev-servers";
    private const long ServerUserId = 999; // the postgres, redis and rabbitmq users of the official images

    private sealed record Server(string Name, string Image, int Port, string DataPath, List<V1EnvVar> Env, List<string>? Args = null);

    private static readonly Server[] Servers =
    [
        new("postgres", "postgres:17", 5432, "/var/lib/postgresql/data",
            [FromSecret("POSTGRES_PASSWORD", "postgres-password"), new V1EnvVar { Name = "PGDATA", Value = "/var/lib/postgresql/data/pgdata" }]),
        new("redis", "redis:7", 6379, "/data", [FromSecret("REDIS_PASSWORD", "redis-password")],
            ["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes"]),
        new("rabbitmq", "rabbitmq:4", 5672, "/var/lib/rabbitmq",
            [FromSecret("RABBITMQ_DEFAULT_USER", "rabbitmq-user"), FromSecret("RABBITMQ_DEFAULT_PASS", "rabbitmq-password")]),
    ];

    public static IEnumerable<object> All() => Servers.SelectMany(Objects);

    private static IEnumerable<object> Objects(Server server)
    {
        yield return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = ServiceWorkload.Metadata(server.Name, server.Name),
            Spec = new V1StatefulSetSpec
            {
                ServiceName = server.Name,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = KubernetesNames.Selector(server.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = KubernetesNames.Labels(server.Name) },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        EnableServiceLinks = false,
                        SecurityContext = SecurityProfile.Pod(ServerUserId),
                        Containers =
                        [
                            new V1Container
                            {
                                Name = server.Name,
                                Image = server.Image,
                                Args = server.Args,
                                Env = server.Env,
                                Ports = [new V1ContainerPort { Name = server.Name, ContainerPort = server.Port, Protocol = "TCP" }],
                                ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = server.Port }, PeriodSeconds = 5 },
                                // The images' entrypoints write configuration next to the binaries.
                                SecurityContext = SecurityProfile.Container(readOnlyRoot: false),
                                VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = server.DataPath }],
                            },
                        ],
                    },
                },
                VolumeClaimTemplates =
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data" },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("2Gi") },
                            },
                        },
                    },
                ],
            },
        };
        yield return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = ServiceWorkload.Metadata(server.Name, server.Name),
            Spec = new V1ServiceSpec
            {
                Selector = KubernetesNames.Selector(server.Name),
                Ports = [new V1ServicePort { Name = server.Name, Port = server.Port, TargetPort = server.Port, Protocol = "TCP" }],
            },
        };
        yield return NetworkPolicies.FromCallers(server.Name, [server.Port]);
    }

    private static V1EnvVar FromSecret(string name, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = Secret, Key = key } } };
}
