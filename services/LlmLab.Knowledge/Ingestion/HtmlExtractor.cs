using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LlmLab.Knowledge.Ingestion;

/// <summary>
/// The visible text of an HTML page, parsed by AngleSharp (an HTML5 parser, so broken markup reads as a browser
/// would); scripts, styles and other non-text elements are dropped, block elements become line breaks.
/// </summary>
public static class HtmlExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "main", "nav", "aside", "figcaption",
    };

    public static ExtractedDocument Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        if (document.Body is { } body) Append(body, text);
        var title = document.Title;
        return new ExtractedDocument([new ExtractedPage(0, text.ToString())], null, string.IsNullOrWhiteSpace(title) ? null : title.Trim());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block) text.Append('\n');
                    Append(e, text);
                    if (block) text.Append('\n');
                    break;
            }
        }
    }
}
