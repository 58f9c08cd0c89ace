using System.Text;
using System.Text.RegularExpressions;

namespace LlmLab.Knowledge.Ingestion;

/// <summary>
/// Decides a file's type from its content, never from its name: PDF by its header, DOCX by a ZIP whose entries hold
/// word/document.xml, and among UTF-8 text HTML by its markup, Markdown by its block syntax, else plain text.
/// </summary>
public static partial class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DocumentType Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) throw new DocumentRejectedException("is empty.");
        // The PDF specification lets the header start within the first 1,024 bytes.
        if (content[..Math.Min(content.Length, 1024)].IndexOf(PdfMagic) >= 0) return DocumentType.Pdf;
        if (content.StartsWith(ZipMagic))
        {
            return content.IndexOf("word/document.xml"u8) >= 0
                ? DocumentType.Docx
                : throw new DocumentRejectedException("is a ZIP archive but not a Word document (no word/document.xml).", 415);
        }
        var text = DecodeText(content);
        if (LooksLikeHtml(text)) return DocumentType.Html;
        return LooksLikeMarkdown(text) ? DocumentType.Markdown : DocumentType.Text;
    }

    /// <summary>Strict UTF-8 (a BOM is dropped); binary content or a NUL is refused as an unsupported type.</summary>
    public static string DecodeText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new DocumentRejectedException("is not PDF, DOCX, HTML, Markdown or UTF-8 text.", 415);
        }
        if (text.Contains('\0', StringComparison.Ordinal)) throw new DocumentRejectedException("is binary, not PDF, DOCX, HTML, Markdown or text.", 415);
        return text;
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)) return true;
        // A fragment: it opens with a tag and has closed block-level elements.
        return head.StartsWith("<") && HtmlBlock().Count(text[..Math.Min(text.Length, 65536)]) >= 1;
    }

    private static bool LooksLikeMarkdown(string text) => MarkdownBlock().Count(text[..Math.Min(text.Length, 65536)]) >= 1;

    [GeneratedRegex(@"<(p|div|body|head|h[1-6]|ul|ol|table|article|section|span|a)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlBlock();

    // An ATX heading, a fenced code block, or a link/image in Markdown syntax.
    [GeneratedRegex(@"(^#{1,6}[ \t]+\S)|(^```)|(\[[^\]\n]+\]\([^)\s]+\))", RegexOptions.Multiline)]
    private static partial Regex MarkdownBlock();
}
