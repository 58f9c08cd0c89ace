using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LlmLab.Knowledge.Ingestion;

/// <summary>Paragraph text of a Word document (Open XML SDK). DOCX has no fixed pages, so everything is page 0.</summary>
public static class DocxExtractor
{
    /// <summary>A ZIP may expand to at most this many times its size: a guard against decompression bombs.</summary>
    private const long MaxExpansion = 100;

    public static ExtractedDocument Extract(byte[] content)
    {
        try
        {
            RefuseBombs(content);
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, isEditable: false);
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException("is a Word document without a body.");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.Append(paragraph.InnerText).Append('\n');
            }
            var title = word.PackageProperties.Title;
            return new ExtractedDocument([new ExtractedPage(0, text.ToString())], null, string.IsNullOrWhiteSpace(title) ? null : title);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DocumentRejectedException("is a damaged Word document that cannot be read.", 422, ex);
        }
    }

    private static void RefuseBombs(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var expanded = zip.Entries.Sum(e => e.Length);
        if (expanded > Math.Max(content.Length, 1) * MaxExpansion)
        {
            throw new DocumentRejectedException($"expands to {expanded} bytes, over {MaxExpansion} times its size.", 413);
        }
    }
}
