using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.Consumers;

/// <summary>
/// Feeds the read model a recorded chunk at once (COPY, then one insert that skips responses already held), so a
/// redelivered event is a no-op.
/// </summary>
public sealed class ResponsesScoredConsumer(AnalyticsDbContext db) : IConsumer<ResponsesScored>
{
    public Task Consume(ConsumeContext<ResponsesScored> context) =>
        db.InTransactionAsync(ct => ScoredResponseWriter.BulkInsertAsync((NpgsqlConnection)db.Database.GetDbConnection(), context.Message.Responses, ct),
            context.CancellationToken);
}

/// <summary>
/// A few chunk writers at once (Analytics:WriterConcurrency, default 4): one chunk's insert takes milliseconds, and every
/// concurrent consumer holds a PostgreSQL connection of its own. With the endpoint's prefetch (up to 64) as the limit,
/// analytics kept ~65 backends open under load, ~500 MiB of PostgreSQL's memory, for no gain in throughput.
/// </summary>
public sealed class ResponsesScoredConsumerDefinition : ConsumerDefinition<ResponsesScoredConsumer>
{
    public ResponsesScoredConsumerDefinition(IConfiguration configuration) =>
        ConcurrentMessageLimit = configuration.GetValue("Analytics:WriterConcurrency", 4);
}
