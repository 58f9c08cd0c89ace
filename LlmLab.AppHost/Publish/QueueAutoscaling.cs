using System.Globalization;
using k8s.Models;

namespace LlmLab.AppHost.Publish;

/// <summary>
/// KEDA ScaledObjects (keda.sh/v1alpha1) for the queue workers in prod: replicas follow the depth of the RabbitMQ queue
/// the service consumes, and CPU. KEDA makes the HorizontalPodAutoscaler itself, so these services get no CPU autoscaler
/// of their own (two autoscalers on one Deployment fight). The broker's address with its credentials is read from the
/// connections Secret through a TriggerAuthentication, never written into a trigger.
/// </summary>
public static class QueueAutoscaling
{
    public const string ApiVersion = "keda.sh/v1alpha1";
    public const string TriggerAuthenticationName = "llmlab-rabbitmq";

    /// <summary>A queue worker: the queue it competes on (MassTransit's endpoint name) and the ready messages one replica is given.</summary>
    public sealed record Worker(string Service, string Queue, int ReadyMessagesPerReplica);

    public static readonly IReadOnlyList<Worker> Workers =
    [
        // A GenerateResponses message is a chunk of up to 16 calls; a replica runs 4 chunks and prefetches 8 more (not
        // counted as ready), so 8 ready chunks per replica is about 128 calls waiting for each.
        new("batch", "batch-generate-responses", 8),
        // One EvaluateItem per message; a replica works on 16 and prefetches 16.
        new("evaluation", "evaluation-evaluate-item", 32),
    ];

    public static Dictionary<string, object> TriggerAuthentication() => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "TriggerAuthentication",
        ["metadata"] = new V1ObjectMeta { Name = TriggerAuthenticationName, Labels = new Dictionary<string, string> { [KubernetesNames.PartOfLabel] = KubernetesNames.PartOf } },
        ["spec"] = new Dictionary<string, object>
        {
            // The rabbitmq scaler's `host` parameter: the full amqp:// URI with credentials and vhost, the same value the
            // services read as ConnectionStrings__rabbitmq.
            ["secretTargetRef"] = new List<object>
            {
                new Dictionary<string, object> { ["parameter"] = "host", ["name"] = SecretReferences.ConnectionsSecret, ["key"] = "rabbitmq" },
            },
        },
    };

    public static Dictionary<string, object> ScaledObject(Worker worker, int minReplicas, int maxReplicas) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "ScaledObject",
        ["metadata"] = ServiceWorkload.Metadata(worker.Service, worker.Service),
        ["spec"] = new Dictionary<string, object>
        {
            ["scaleTargetRef"] = new Dictionary<string, object> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = worker.Service },
            ["minReplicaCount"] = minReplicas,
            ["maxReplicaCount"] = maxReplicas,
            ["pollingInterval"] = 15,
            ["cooldownPeriod"] = 300,
            ["triggers"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["type"] = "rabbitmq",
                    ["name"] = "queue-depth",
                    // amqp counts the ready messages (QueueDeclarePassive); unacknowledged ones are already being worked on.
                    ["metadata"] = new Dictionary<string, string>
                    {
                        ["protocol"] = "amqp",
                        ["mode"] = "QueueLength",
                        ["queueName"] = worker.Queue,
                        ["value"] = worker.ReadyMessagesPerReplica.ToString(CultureInfo.InvariantCulture),
                    },
                    ["authenticationRef"] = new Dictionary<string, object> { ["name"] = TriggerAuthenticationName },
                },
                new Dictionary<string, object>
                {
                    ["type"] = "cpu",
                    ["name"] = "cpu",
                    ["metricType"] = "Utilization",
                    ["metadata"] = new Dictionary<string, string> { ["value"] = Availability.CpuUtilizationPercent.ToString(CultureInfo.InvariantCulture) },
                },
            },
        },
    };
}
