namespace LlmLab.Messaging;

/// <summary>Wakes the outbox relay when a transaction with outbox rows has committed.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        // Most commits find the relay already signalled; checking first spares them a thrown exception each.
        if (_semaphore.CurrentCount > 0) return;
        try { _semaphore.Release(); } catch (SemaphoreFullException) { /* signalled by a concurrent commit */ }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
