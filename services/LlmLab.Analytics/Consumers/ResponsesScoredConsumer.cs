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
