using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using MassTransit;

namespace LlmLab.Analytics.Consumers;

/// <summary>Feeds the read model; the insert ignores a response it already holds, so a redelivered event is a no-op.</summary>
public sealed class ResponseScoredConsumer(AnalyticsDbContext db) : IConsumer<ResponseScored>
{
    public Task Consume(ConsumeContext<ResponseScored> context) =>
        ScoredResponseWriter.InsertAsync(db, context.Message, context.MessageId ?? context.Message.ResponseId, context.CancellationToken);
}
