namespace LlmLab.Knowledge.Documents;

/// <summary>A validated upload: the file's bytes and the settings to ingest it with.</summary>
public sealed record Upload(byte[] Content, string Title, string Collection, int ChunkSize, int ChunkOverlap);
