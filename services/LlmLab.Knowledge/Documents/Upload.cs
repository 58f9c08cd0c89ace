namespace LlmLab.Knowledge.Documents;

/// <summary>A validated upload: the file's bytes and the settings to ingest it with.</summary>
/// <summary><see cref="EmbeddingModel"/>: a provider model to embed the chunks with as well as the local one; null: local only.</summary>
public sealed record Upload(byte[] Content, string Title, string Collection, int ChunkSize, int ChunkOverlap, string? EmbeddingModel = null);
