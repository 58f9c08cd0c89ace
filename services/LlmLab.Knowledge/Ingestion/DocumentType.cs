namespace LlmLab.Knowledge.Ingestion;

/// <summary>The formats an upload may have, decided from its bytes (<see cref="ContentSniffer"/>).</summary>
public enum DocumentType
{
    Pdf,
    Docx,
    Html,
    Markdown,
    Text,
}
