using LlmLab.Contracts.Messages;
using MassTransit;

namespace LlmLab.Analytics.Live;

/// <summary>
/// Runs started and finished, for this replica's live listeners. Its endpoint is temporary and per instance (see
/// Program.cs): every replica gets every event, unlike the shared queues where replicas compete for messages.
/// </summary>
public sealed class LiveRunEventsConsumer(LiveEvents live) : IConsumer<BatchRunStarted>, IConsumer<BatchRunFinished>
{
    public Task Consume(ConsumeContext<BatchRunStarted> context)
    {
        var m = context.Message;
        live.Publish(new LiveEvent(m.TenantId, LiveEventNames.RunStarted, new RunStartedEvent(m.RunId, m.ExperimentId, m.StartedAt)));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<BatchRunFinished> context)
    {
        var m = context.Message;
        live.Publish(new LiveEvent(m.TenantId, LiveEventNames.RunFinished,
            new RunFinishedEvent(m.RunId, m.ExperimentId, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Status), m.Completed, m.Failed, m.FinishedAt)));
        return Task.CompletedTask;
    }
}

public static class LiveEventNames
{
    public const string RunStarted = "run.started";
    public const string RunFinished = "run.finished";
    public const string GateEvaluated = "gate.evaluated";
    public const string Alert = "alert";
}

public sealed record RunStartedEvent(Guid RunId, Guid ExperimentId, DateTimeOffset StartedAt);

public sealed record RunFinishedEvent(Guid RunId, Guid ExperimentId, string Status, int Completed, int Failed, DateTimeOffset FinishedAt);
