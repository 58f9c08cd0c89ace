namespace LlmLab.Knowledge.Retrieval;

/// <summary>How to retrieve: lexical (BM25), dense (local embedding, IVF), or both fused by reciprocal rank.</summary>
public enum SearchMode
{
    Bm25,
    Dense,
    Hybrid,
}

/// <summary>A retrieval request, already validated (<see cref="SearchRules"/>).</summary>
/// <summary><see cref="EmbeddingModel"/>: a provider model (provider/model) for the dense part; null: the built-in local one.</summary>
public sealed record SearchQuery(string Query, string? Collection, SearchMode Mode, bool Rerank, int TopK, string? EmbeddingModel = null);

/// <summary>One result: the chunk with its document, page (0: no pages) and the score that ranked it.</summary>
public sealed record RetrievedChunk(Guid ChunkId, Guid DocumentId, string DocumentTitle, int Page, string Text, double Score);
