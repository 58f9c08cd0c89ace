namespace LlmLab.Knowledge.Ingestion;

/// <summary>A chunk before it is stored: its page (0: no pages) and text.</summary>
public sealed record TextChunk(int Page, string Text);
