using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LlmLab.IntegrationTests.Knowledge;

/// <summary>Real files of every accepted type, made in the test: PDFs by PdfPig's writer, DOCX by the Open XML SDK.</summary>
public static class TestFiles
{
    /// <summary>A PDF with one page per text (pages numbered from 1).</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText(text, 12, new PdfPoint(25, 700), font);
        }
        return builder.Build();
    }

    /// <summary>
    /// A PDF whose trailer declares the standard security handler with a user password (its /U entry does not match
    /// the empty password), so a reader without the password cannot decrypt it.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        var text = Encoding.Latin1.GetString(Pdf("Secret page"));
        var zeros = new string('0', 64);
        var encrypt = $"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -44 >> " +
                      $"/ID [<{zeros[..32]}> <{zeros[..32]}>] ";
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = text.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        return Encoding.Latin1.GetBytes(text[..open] + " " + encrypt + text[open..]);
    }

    public static byte[] CorruptPdf() => [.. "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R"u8, .. Enumerable.Range(0, 300).Select(i => (byte)(i * 37 % 251))];

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p)))).Cast<OpenXmlElement>()));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
