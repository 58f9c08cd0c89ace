using System.Text;

namespace LlmLab.Knowledge.Ingestion;

/// <summary>
/// Splits each page into chunks of at most <c>size</c> characters that repeat about <c>overlap</c> characters of the
/// previous chunk. A chunk ends at the last paragraph break, sentence end or space in its final 40% where there is
/// one, so words are not cut; chunks never span pages, so each keeps its page number.
/// </summary>
public static class Chunker
{
    public static IReadOnlyList<TextChunk> Split(IEnumerable<ExtractedPage> pages, int size, int overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, size);
        var chunks = new List<TextChunk>();
        foreach (var page in pages)
        {
            var text = Normalise(page.Text);
            var start = 0;
            while (start < text.Length)
            {
                var end = Math.Min(start + size, text.Length);
                if (end < text.Length) end = BreakBefore(text, start, end);
                var piece = text[start..end].Trim();
                if (piece.Length > 0) chunks.Add(new TextChunk(page.Page, piece));
                if (end >= text.Length) break;
                start = NextStart(text, start, end, overlap);
            }
        }
        return chunks;
    }

    /// <summary>Collapses runs of spaces and tabs, keeps single line breaks and turns blank-line runs into one paragraph break.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var newlines = 0;
        var space = false;
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c == '\n')
            {
                newlines++;
                space = false;
                continue;
            }
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }
            if (builder.Length > 0)
            {
                if (newlines > 0) builder.Append(newlines > 1 ? "\n\n" : "\n");
                else if (space) builder.Append(' ');
            }
            newlines = 0;
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static int BreakBefore(string text, int start, int end)
    {
        var earliest = start + (int)((end - start) * 0.6);
        var paragraph = text.LastIndexOf("\n\n", end - 1, end - earliest, StringComparison.Ordinal);
        if (paragraph > earliest) return paragraph;
        for (var i = end - 1; i > earliest; i--)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1])) return i + 1;
        }
        for (var i = end - 1; i > earliest; i--)
        {
            if (char.IsWhiteSpace(text[i])) return i;
        }
        return end;
    }

    /// <summary>Steps back by the overlap, then forward to the start of a word; always moves past <paramref name="start"/>.</summary>
    private static int NextStart(string text, int start, int end, int overlap)
    {
        var next = Math.Max(end - overlap, start + 1);
        if (next < end && next > 0 && !char.IsWhiteSpace(text[next - 1]))
        {
            var space = text.IndexOfAny([' ', '\n'], next, end - next);
            next = space >= 0 ? space + 1 : next;
        }
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        return Math.Max(next, start + 1);
    }
}
