using LlmLab.Contracts.Messages;
using MassTransit;

namespace LlmLab.Batch.Workers;

/// <summary>Batch worker: one GenerateResponses command → a chunk generated, scored and stored. Competing consumers share the queue.</summary>
public sealed class GenerateResponsesConsumer(WorkChunkRunner runner) : IConsumer<GenerateResponses>
{
    public Task Consume(ConsumeContext<GenerateResponses> context) =>
        runner.RunAsync(context.Message.RunId, context.Message.WorkItemIds, context.CancellationToken);
}

public sealed class GenerateResponsesConsumerDefinition : ConsumerDefinition<GenerateResponsesConsumer>
{
    /// <summary>The queue the batch workers compete on (KEDA scales them on its depth: deploy/k8s/overlays/prod).</summary>
    public const string Queue = "batch-generate-responses";

    public GenerateResponsesConsumerDefinition(WorkChunking chunking)
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = chunking.ConcurrentChunks;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GenerateResponsesConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // A chunk holds several calls: prefetch only the chunks this worker runs (and as many waiting), so the other
        // workers get the rest.
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.PrefetchCount = ConcurrentMessageLimit!.Value * 2;
    }
}
