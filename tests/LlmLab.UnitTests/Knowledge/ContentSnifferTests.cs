using System.Text;
using LlmLab.Knowledge.Ingestion;

namespace LlmLab.UnitTests.Knowledge;

public class ContentSnifferTests
{
    private static DocumentType Detect(string text) => ContentSniffer.Detect(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Hi</body></html>", DocumentType.Html)]
    [InlineData("  <html><p>x</p></html>", DocumentType.Html)]
    [InlineData("<div class=\"a\">Fragment</div>", DocumentType.Html)]
    [InlineData("# Title\n\nSome text.", DocumentType.Markdown)]
    [InlineData("Intro\n\n```\ncode\n```", DocumentType.Markdown)]
    [InlineData("See [the docs](https://example.com).", DocumentType.Markdown)]
    [InlineData("Just words, 3 < 4 and #hashtag.", DocumentType.Text)]
    [InlineData("x < y > z", DocumentType.Text)]
    public void Text_formats_are_told_apart_by_their_content(string content, DocumentType expected) => Assert.Equal(expected, Detect(content));

    [Fact]
    public void A_pdf_header_means_pdf_even_after_leading_bytes() =>
        Assert.Equal(DocumentType.Pdf, ContentSniffer.Detect([.. "garbage\n"u8, .. "%PDF-1.4\n"u8]));

    [Fact]
    public void A_zip_is_docx_only_with_a_word_document_inside()
    {
        Assert.Equal(DocumentType.Docx, ContentSniffer.Detect([0x50, 0x4B, 0x03, 0x04, .. "....word/document.xml...."u8]));
        var refused = Assert.Throws<DocumentRejectedException>(() => ContentSniffer.Detect([0x50, 0x4B, 0x03, 0x04, .. "xl/workbook.xml"u8]));
        Assert.Equal(415, refused.Status);
    }

    [Fact]
    public void Binary_and_empty_content_are_refused()
    {
        Assert.Equal(415, Assert.Throws<DocumentRejectedException>(() => ContentSniffer.Detect([0xFF, 0xFE, 0x00, 0x81])).Status);
        Assert.Equal(415, Assert.Throws<DocumentRejectedException>(() => ContentSniffer.Detect("text\0more"u8)).Status);
        Assert.Equal(422, Assert.Throws<DocumentRejectedException>(() => ContentSniffer.Detect([])).Status);
    }

    [Fact]
    public void A_utf8_bom_is_dropped() => Assert.Equal("hi", ContentSniffer.DecodeText([0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i']));
}
