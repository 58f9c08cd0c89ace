using Markdig;

namespace LlmLab.Knowledge.Ingestion;

/// <summary>Plain text as it is; Markdown rendered to its plain text by Markdig (syntax dropped, words kept).</summary>
public static class TextExtractor
{
    public static ExtractedDocument Plain(string text) => new([new ExtractedPage(0, text)], null);

    public static ExtractedDocument Markdown(string markdown) =>
        new([new ExtractedPage(0, Markdig.Markdown.ToPlainText(markdown))], null);
}
