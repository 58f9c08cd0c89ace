using System.Diagnostics;
using System.Text.Json;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Messaging;

/// <summary>Adds messages to a context's outbox; they are saved with the caller's SaveChanges, in its transaction.</summary>
public sealed class Outbox(OutboxSignal signal, TimeProvider time)
{
    public void Add<TMessage>(IOutboxDbContext db, TMessage message) where TMessage : class
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = MessageTypes.NameOf(typeof(TMessage)),
            Payload = JsonSerializer.Serialize(message),
            TraceParent = Activity.Current?.Id,
            CreatedAt = time.GetUtcNow(),
        });
    }

    /// <summary>
    /// Inserts many messages of one type (a run's chunk commands) in one statement, in the context's current transaction,
    /// where <see cref="Add{TMessage}"/> would make an INSERT and a tracked entity of each.
    /// </summary>
    public Task<int> InsertAsync<TMessage>(DbContext db, IReadOnlyList<TMessage> messages, CancellationToken ct) where TMessage : class
    {
        if (messages.Count == 0) return Task.FromResult(0);
        var type = MessageTypes.NameOf(typeof(TMessage));
        var traceParent = Activity.Current?.Id;
        var now = time.GetUtcNow();
        return new UnnestInsert("outbox_messages")
            .Column("id", messages.Select(_ => Guid.CreateVersion7()))
            .Column("message_type", messages.Select(_ => type))
            .Json("payload", messages.Select(m => JsonSerializer.Serialize(m)))
            .Column("trace_parent", messages.Select(_ => traceParent))
            .Column("created_at", messages.Select(_ => now))
            .Column("attempts", messages.Select(_ => 0))
            .ExecuteAsync(db, ct);
    }

    /// <summary>Call after the transaction committed: the relay publishes at once instead of at its next poll.</summary>
    public void Committed() => signal.Notify();
}
