namespace LlmLab.Knowledge.Ingestion;

/// <summary>Reads an upload: decides its type from the bytes and extracts its text with the matching extractor.</summary>
public static class DocumentReader
{
    public static (DocumentType Type, ExtractedDocument Document) Read(byte[] content, int maxPages)
    {
        var type = ContentSniffer.Detect(content);
        var document = type switch
        {
            DocumentType.Pdf => PdfExtractor.Extract(content, maxPages),
            DocumentType.Docx => DocxExtractor.Extract(content),
            DocumentType.Html => HtmlExtractor.Extract(ContentSniffer.DecodeText(content)),
            DocumentType.Markdown => TextExtractor.Markdown(ContentSniffer.DecodeText(content)),
            _ => TextExtractor.Plain(ContentSniffer.DecodeText(content)),
        };
        if (document.Pages.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            throw new DocumentRejectedException($"is a {type.ToString().ToUpperInvariant()} file with no text to index (a scanned PDF needs OCR first).");
        }
        return (type, document);
    }
}
