using LlmLab.Contracts.Messages;
using MassTransit;

namespace LlmLab.Batch.Workers;

/// <summary>Takes commands of the first version (one work item each) still queued from before chunks: a chunk of one.</summary>
public sealed class GenerateResponseConsumer(WorkChunkRunner runner) : IConsumer<GenerateResponse>
{
    public Task Consume(ConsumeContext<GenerateResponse> context) =>
        runner.RunAsync(context.Message.RunId, [context.Message.WorkItemId], context.CancellationToken);
}

public sealed class GenerateResponseConsumerDefinition : ConsumerDefinition<GenerateResponseConsumer>
{
    public GenerateResponseConsumerDefinition(IConfiguration configuration)
    {
        EndpointName = "batch-generate-response";
        ConcurrentMessageLimit = configuration.GetValue("Batch:WorkerConcurrency", 64);
    }
}
