namespace LlmLab.Quality.Judging;

/// <summary>A model that answers a judging prompt (through llm-integration in the service; a fake in unit tests).</summary>
public interface IJudgeModel
{
    /// <summary>Asks <paramref name="provider"/>/<paramref name="model"/> acting as <paramref name="tenant"/> (its providers only).</summary>
    Task<string> CompleteAsync(string tenant, string provider, string model, string prompt, CancellationToken cancellationToken);
}

/// <summary>The judge model could not be reached or refused the call.</summary>
public sealed class JudgeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
