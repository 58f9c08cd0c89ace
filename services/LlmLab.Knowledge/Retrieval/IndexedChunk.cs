namespace LlmLab.Knowledge.Retrieval;

/// <summary>What the BM25 index holds of a chunk (the text is indexed, not stored: PostgreSQL keeps it).</summary>
public sealed record IndexedChunk(Guid ChunkId, Guid DocumentId, string Collection, string Text);

/// <summary>A chunk id with a retriever's score, best first in every list.</summary>
public sealed record ScoredChunk(Guid ChunkId, double Score);
