namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// A provider embedding model that cannot be used: unknown to the tenant or serving no embeddings (422), or its
/// provider failing after llm-integration's retries (429 when rate limited, else 502). The message never holds a key:
/// llm-integration's errors name the provider, not its credentials.
/// </summary>
public sealed class EmbeddingModelException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
