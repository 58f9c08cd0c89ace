using System.Diagnostics;
using System.Text.Json;

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

    /// <summary>Call after the transaction committed: the relay publishes at once instead of at its next poll.</summary>
    public void Committed() => signal.Notify();
}
