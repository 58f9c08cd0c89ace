using LlmLab.AppHost.Model;
using LlmLab.AppHost.Processes;
using LlmLab.AppHost.Security;
using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>
/// A service's environment on Kubernetes: the same variables <see cref="ServiceEnvironment"/> gives it under the AppHost
/// (so the two cannot drift), with Kubernetes addresses, plain values for its ConfigMap and secrets as references.
/// </summary>
public sealed record KubernetesEnvironment(SortedDictionary<string, string> Configuration, IReadOnlyList<V1EnvVar> Secrets)
{
    /// <summary>Stands in for every secret value; a test proves none of it reaches a manifest.</summary>
    public const string SecretPlaceholder = "secret-value-never-written";

    public static KubernetesEnvironment For(ProjectResource resource)
    {
        var own = new Endpoints(KubernetesNames.HttpPort, resource.HasGrpcEndpoint ? KubernetesNames.GrpcPort : null, "+");
        var others = PlatformModel.Projects.ToDictionary(p => p.Name,
            p => new Endpoints(KubernetesNames.HttpPort, p.HasGrpcEndpoint ? KubernetesNames.GrpcPort : null, p.Name));
        var connections = new Dictionary<string, string>
        {
            ["postgres"] = SecretPlaceholder,
            ["redis"] = SecretPlaceholder,
            ["rabbitmq"] = SecretPlaceholder,
        };
        var secrets = new PlatformSecrets { InternalTokenKey = SecretPlaceholder, KeyEncryptionKey = SecretPlaceholder };
        var options = new LauncherOptions
        {
            DataDirectory = KubernetesNames.DataMountPath,
            OtlpEndpoint = KubernetesNames.OtlpEndpoint,
            DevApiKey = SecretPlaceholder,
            SpaRoot = KubernetesNames.SpaRoot,
        };

        var configuration = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secretVariables = new List<V1EnvVar>();
        foreach (var (name, value) in ServiceEnvironment.For(resource, own, others, connections, secrets, options).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (SecretReferences.For(name) is { } reference)
            {
                secretVariables.Add(new V1EnvVar { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = reference } });
            }
            else
            {
                configuration[name] = Plain(name, value);
            }
        }
        return new KubernetesEnvironment(configuration, secretVariables);
    }

    /// <summary>Per-process values of the AppHost that a manifest cannot hold as they are.</summary>
    private static string Plain(string name, string value) => name switch
    {
        // The AppHost gives each process a fresh instance id; the OTel SDK does without one in a pod (its name is on the resource via the collector).
        "OTEL_RESOURCE_ATTRIBUTES" => "service.namespace=llmlab",
        _ => value,
    };
}
