extern alias evaluation;
using evaluation::LlmLab.Evaluation.Workers;
using System.Globalization;
using k8s;
using k8s.Models;
using LlmLab.AppHost.Publish;
using LlmLab.Batch.Workers;
using YamlDotNet.RepresentationModel;

namespace LlmLab.UnitTests.Deploy;

/// <summary>The prod overlay's KEDA ScaledObjects for the queue workers, validated against the fields KEDA's CRDs define.</summary>
public sealed class QueueAutoscalingTests
{
    private static readonly Dictionary<string, string> QueueOf = new()
    {
        ["batch"] = GenerateResponsesConsumerDefinition.Queue,
        ["evaluation"] = EvaluateItemConsumerDefinition.Queue,
    };

    [Fact]
    public void Prod_scales_each_queue_worker_on_the_depth_of_the_queue_it_consumes_and_on_cpu()
    {
        var rendered = RenderedOverlay.Render("prod");
        var deployments = rendered.OfType<V1Deployment>().Select(d => d.Metadata.Name).ToHashSet();
        var authentications = rendered.OfType<KedaTriggerAuthentication>().Select(a => a.Metadata.Name).ToHashSet();
        var scaled = rendered.OfType<KedaScaledObject>().ToList();
        Assert.Equal(QueueOf.Keys.Order(StringComparer.Ordinal), scaled.Select(s => s.Metadata.Name).Order(StringComparer.Ordinal));
        foreach (var scaledObject in scaled)
        {
            Assert.Empty(KedaResources.Violations(scaledObject));
            var spec = scaledObject.Spec!;
            Assert.Equal(("apps/v1", "Deployment"), (spec.ScaleTargetRef!.ApiVersion, spec.ScaleTargetRef.Kind));
            Assert.Contains(spec.ScaleTargetRef.Name!, deployments);
            Assert.True(spec.MinReplicaCount >= 2 && spec.MaxReplicaCount > spec.MinReplicaCount, $"{spec.MinReplicaCount}..{spec.MaxReplicaCount}");

            var queue = Assert.Single(spec.Triggers!, t => t.Type == "rabbitmq");
            Assert.Equal(QueueOf[spec.ScaleTargetRef.Name!], queue.Metadata!["queueName"]);
            Assert.Equal("QueueLength", queue.Metadata["mode"]);
            Assert.Equal("amqp", queue.Metadata["protocol"]);
            Assert.True(int.Parse(queue.Metadata["value"], CultureInfo.InvariantCulture) > 0);
            // The broker's address carries its password: only through the TriggerAuthentication, never in the trigger.
            Assert.Empty(queue.Metadata.Keys.Intersect(["host", "hostFromEnv", "password", "username"]));
            Assert.Contains(queue.AuthenticationRef!.Name!, authentications);

            var cpu = Assert.Single(spec.Triggers!, t => t.Type == "cpu");
            Assert.Equal("Utilization", cpu.MetricType);
            Assert.Equal(Availability.CpuUtilizationPercent.ToString(CultureInfo.InvariantCulture), cpu.Metadata!["value"]);
        }
    }

    [Fact]
    public void The_trigger_authentication_reads_the_broker_from_the_secret_the_services_read_it_from()
    {
        var rendered = RenderedOverlay.Render("prod");
        var authentication = Assert.Single(rendered.OfType<KedaTriggerAuthentication>());
        Assert.Empty(KedaResources.Violations(authentication));
        var reference = Assert.Single(authentication.Spec!.SecretTargetRef!);
        Assert.Equal("host", reference.Parameter);
        var services = rendered.Deployment("batch").Spec.Template.Spec.Containers.Single().Env
            .Single(e => e.Name == "ConnectionStrings__rabbitmq").ValueFrom.SecretKeyRef;
        Assert.Equal((services.Name, services.Key), (reference.Name, reference.Key));
        Assert.Empty(rendered.Objects.OfType<V1Secret>());
    }

    [Fact]
    public void No_deployment_has_both_a_cpu_autoscaler_and_a_scaled_object()
    {
        var rendered = RenderedOverlay.Render("prod");
        var byKeda = rendered.OfType<KedaScaledObject>().Select(s => s.Spec!.ScaleTargetRef!.Name);
        var byHpa = rendered.OfType<V2HorizontalPodAutoscaler>().Select(a => a.Spec.ScaleTargetRef.Name);
        Assert.Empty(byKeda.Intersect(byHpa));
    }

    [Fact]
    public void Trigger_metadata_values_are_yaml_strings_as_the_crd_requires()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(RenderedOverlay.Render("prod").Yaml));
        var values = stream.Documents.Select(d => (YamlMappingNode)d.RootNode)
            .Where(d => d.Children[new YamlScalarNode("kind")].ToString() == "ScaledObject")
            .SelectMany(d => (YamlSequenceNode)((YamlMappingNode)d.Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("triggers")])
            .SelectMany(t => (YamlMappingNode)((YamlMappingNode)t).Children[new YamlScalarNode("metadata")])
            .Select(p => (YamlScalarNode)p.Value)
            .ToList();
        Assert.NotEmpty(values);
        // A plain 8 would be an integer to the API server, which the CRD's map of strings refuses.
        Assert.All(values, v => Assert.True(v.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted
            || !double.TryParse(v.Value, CultureInfo.InvariantCulture, out _), $"unquoted number {v.Value}"));
    }

    [Fact]
    public void A_field_the_scaled_object_crd_does_not_define_fails_the_typed_load()
    {
        const string yaml = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: { name: batch }
            spec:
              scaleTargetRef: { name: batch }
              minReplicas: 2
              triggers: [{ type: cpu, metadata: { value: "70" } }]
            """;
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, KedaResources.TypeMap, strict: true));
        var valid = Assert.IsType<KedaScaledObject>(
            KubernetesYaml.LoadAllFromString(yaml.Replace("minReplicas", "minReplicaCount", StringComparison.Ordinal), KedaResources.TypeMap, strict: true).Single());
        Assert.Equal(2, valid.Spec!.MinReplicaCount);
        Assert.Contains("spec.triggers[0].type is required", KedaResources.Violations(new KedaScaledObject
        {
            Spec = new ScaledObjectSpec { ScaleTargetRef = new ScaleTarget { Name = "batch" }, Triggers = [new ScaleTrigger { Metadata = [] }] },
        }));
    }

    [Fact]
    public void Dev_has_no_keda_objects()
    {
        var rendered = RenderedOverlay.Render("dev");
        Assert.Empty(rendered.OfType<KedaScaledObject>());
        Assert.Empty(rendered.OfType<KedaTriggerAuthentication>());
    }
}
