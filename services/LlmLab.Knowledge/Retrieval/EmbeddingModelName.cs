namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// How a knowledge base, a search or /v1/embeddings names its embedding model: <c>local</c> (built in), or a provider
/// model as <c>provider/model</c> (or <c>model</c> of the tenant's default provider), as /v1/chat/completions does.
/// </summary>
public static class EmbeddingModelName
{
    public static bool IsLocal(string? name) =>
        string.IsNullOrWhiteSpace(name) || string.Equals(name.Trim(), LocalEmbeddingGenerator.ModelName, StringComparison.OrdinalIgnoreCase);

    public static (string Provider, string Model) Split(string name)
    {
        var trimmed = name.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (trimmed[..slash], trimmed[(slash + 1)..]) : ("", trimmed);
    }
}
