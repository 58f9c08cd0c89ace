using k8s;
using k8s.Models;

namespace LlmLab.UnitTests.Deploy;

/// <summary>
/// KEDA's ScaledObject and TriggerAuthentication (keda.sh/v1alpha1) with the fields their CRDs define (KEDA 2.x,
/// config/crd/bases/keda.sh_scaledobjects.yaml and keda.sh_triggerauthentications.yaml), written from the CRDs here and
/// not shared with the generator. <see cref="RenderedOverlay"/> loads them strictly, so a field the CRD does not define
/// fails the load; <see cref="Violations(KedaScaledObject)"/> checks what the CRDs mark required or enumerate.
/// </summary>
public static class KedaResources
{
    public const string ApiVersion = "keda.sh/v1alpha1";

    public static readonly Dictionary<string, Type> TypeMap = new()
    {
        [$"{ApiVersion}/ScaledObject"] = typeof(KedaScaledObject),
        [$"{ApiVersion}/TriggerAuthentication"] = typeof(KedaTriggerAuthentication),
    };

    private static readonly string[] MetricTypes = ["AverageValue", "Value", "Utilization"];

    public static IEnumerable<string> Violations(KedaScaledObject scaled)
    {
        if (scaled.Spec is not { } spec)
        {
            yield return "spec is required";
            yield break;
        }
        if (string.IsNullOrEmpty(spec.ScaleTargetRef?.Name)) yield return "spec.scaleTargetRef.name is required";
        if (spec.Triggers is null) yield return "spec.triggers is required";
        if (spec.Fallback is { FailureThreshold: null } or { Replicas: null }) yield return "spec.fallback needs failureThreshold and replicas";
        foreach (var (trigger, i) in (spec.Triggers ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrEmpty(trigger.Type)) yield return $"spec.triggers[{i}].type is required";
            if (trigger.Metadata is null) yield return $"spec.triggers[{i}].metadata is required";
            if (trigger.AuthenticationRef is { Name: null or "" }) yield return $"spec.triggers[{i}].authenticationRef.name is required";
            if (trigger.MetricType is { } metric && !MetricTypes.Contains(metric)) yield return $"spec.triggers[{i}].metricType '{metric}'";
        }
    }

    public static IEnumerable<string> Violations(KedaTriggerAuthentication authentication)
    {
        foreach (var (target, i) in (authentication.Spec?.SecretTargetRef ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrEmpty(target.Parameter) || string.IsNullOrEmpty(target.Name) || string.IsNullOrEmpty(target.Key))
                yield return $"spec.secretTargetRef[{i}] needs parameter, name and key";
        }
        foreach (var (target, i) in (authentication.Spec?.Env ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrEmpty(target.Parameter) || string.IsNullOrEmpty(target.Name))
                yield return $"spec.env[{i}] needs parameter and name";
        }
    }
}

public sealed class KedaScaledObject : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public ScaledObjectSpec? Spec { get; set; }
    public Dictionary<string, object>? Status { get; set; }
}

public sealed class ScaledObjectSpec
{
    public ScaleTarget? ScaleTargetRef { get; set; }
    public int? PollingInterval { get; set; }
    public int? InitialCooldownPeriod { get; set; }
    public int? CooldownPeriod { get; set; }
    public int? IdleReplicaCount { get; set; }
    public int? MinReplicaCount { get; set; }
    public int? MaxReplicaCount { get; set; }
    public ScaledObjectFallback? Fallback { get; set; }
    public Dictionary<string, object>? Advanced { get; set; }
    public List<ScaleTrigger>? Triggers { get; set; }
}

public sealed class ScaleTarget
{
    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? EnvSourceContainerName { get; set; }
}

public sealed class ScaledObjectFallback
{
    public int? FailureThreshold { get; set; }
    public int? Replicas { get; set; }
}

public sealed class ScaleTrigger
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    public bool? UseCachedMetrics { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public AuthenticationRef? AuthenticationRef { get; set; }
    public string? MetricType { get; set; }
}

public sealed class AuthenticationRef
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
}

public sealed class KedaTriggerAuthentication : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public TriggerAuthenticationSpec? Spec { get; set; }
    public Dictionary<string, object>? Status { get; set; }
}

public sealed class TriggerAuthenticationSpec
{
    public List<SecretTargetRef>? SecretTargetRef { get; set; }
    public List<EnvTargetRef>? Env { get; set; }
    public Dictionary<string, object>? PodIdentity { get; set; }
    public Dictionary<string, object>? HashiCorpVault { get; set; }
    public Dictionary<string, object>? AzureKeyVault { get; set; }
    public Dictionary<string, object>? AwsSecretManager { get; set; }
    public Dictionary<string, object>? GcpSecretManager { get; set; }
}

public sealed class SecretTargetRef
{
    public string? Parameter { get; set; }
    public string? Name { get; set; }
    public string? Key { get; set; }
}

public sealed class EnvTargetRef
{
    public string? Parameter { get; set; }
    public string? Name { get; set; }
    public string? ContainerName { get; set; }
}
