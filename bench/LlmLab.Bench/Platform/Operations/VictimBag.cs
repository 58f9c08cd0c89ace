namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// The chaos bench's choice of what to kill: every service once in a random order, then again in a new order, so a
/// series of kills reaches each service (independent draws left batch and llm-integration out of 6 kills).
/// </summary>
public sealed class VictimBag(IReadOnlyCollection<string> services, Random random)
{
    private readonly Queue<string> _bag = new();

    /// <summary>The next service to kill among those that have a live process now, or null when none has.</summary>
    public string? Next(IReadOnlySet<string> live)
    {
        for (var looked = 0; looked < 2 * services.Count; looked++)
        {
            if (_bag.Count == 0)
            {
                foreach (var service in services.OrderBy(_ => random.Next())) _bag.Enqueue(service);
            }
            var candidate = _bag.Dequeue();
            // A service still restarting from the last kill is skipped this round, and comes first in the next.
            if (live.Contains(candidate)) return candidate;
        }
        return null;
    }
}
