using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace LlmLab.Knowledge.Ingestion;

/// <summary>Text of a PDF page by page (PdfPig). Encrypted, corrupt and over-long files are refused with a 4xx.</summary>
public static class PdfExtractor
{
    public static ExtractedDocument Extract(byte[] content, int maxPages)
    {
        try
        {
            using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true });
            if (pdf.NumberOfPages > maxPages)
            {
                throw new DocumentRejectedException($"has {pdf.NumberOfPages} pages; at most {maxPages} are accepted.");
            }
            var pages = new List<ExtractedPage>(pdf.NumberOfPages);
            foreach (var page in pdf.GetPages())
            {
                pages.Add(new ExtractedPage(page.Number, ContentOrderTextExtractor.GetText(page)));
            }
            var title = pdf.Information.Title;
            return new ExtractedDocument(pages, pdf.NumberOfPages, string.IsNullOrWhiteSpace(title) ? null : title);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentRejectedException("is an encrypted PDF; upload it without a password.", 422, ex);
        }
        catch (DocumentRejectedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damage with many exception types; any of them means the bytes are not a readable PDF.
            throw new DocumentRejectedException("is a damaged PDF that cannot be read.", 422, ex);
        }
    }
}
