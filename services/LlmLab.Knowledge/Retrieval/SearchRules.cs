namespace LlmLab.Knowledge.Retrieval;

/// <summary>The one validation of a search, shared by REST and gRPC: the field at fault and why, or null.</summary>
public static class SearchRules
{
    public const int MaxTopK = 100;
    public const int MaxQueryLength = 4_000;

    public static (string Field, string Message)? Problem(string? query, string? collection, string? mode, int topK, string? embeddingModel = null)
    {
        if (string.IsNullOrWhiteSpace(query)) return ("query", "is required.");
        if (ServiceKit.TextRules.Problem(query, MaxQueryLength) is { } q) return ("query", q);
        if (ServiceKit.TextRules.Problem(collection, ServiceKit.TextRules.MaxName) is { } c) return ("collection", c);
        if (ParseMode(mode) is null) return ("mode", "must be bm25, dense or hybrid.");
        if (topK is < 1 or > MaxTopK) return ("top_k", $"must be between 1 and {MaxTopK}.");
        if (ServiceKit.TextRules.Problem(embeddingModel, ServiceKit.TextRules.MaxModel) is { } m) return ("embedding_model", m);
        if (!EmbeddingModelName.IsLocal(embeddingModel) && ParseMode(mode) == SearchMode.Bm25)
            return ("embedding_model", "applies to dense and hybrid search; bm25 uses no embedding.");
        return null;
    }

    /// <summary>bm25 | dense | hybrid (case-insensitive); empty means hybrid.</summary>
    public static SearchMode? ParseMode(string? mode) => (mode ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "hybrid" => SearchMode.Hybrid,
        "bm25" => SearchMode.Bm25,
        "dense" => SearchMode.Dense,
        _ => null,
    };

    /// <summary>Empty or blank collection means every collection of the tenant.</summary>
    public static string? Collection(string? collection) => string.IsNullOrWhiteSpace(collection) ? null : collection.Trim();

    /// <summary>A provider model (provider/model), or null for the built-in local one (empty or "local").</summary>
    public static string? EmbeddingModel(string? name) => EmbeddingModelName.IsLocal(name) ? null : name!.Trim();
}
