using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>Counts tokens with Microsoft.ML.Tokenizers (o200k_base, GPT-4o's) when a provider does not report usage.</summary>
public sealed class TokenCounter
{
    /// <summary>
    /// BPE merges within one pre-token cost the square of its length (a million-letter "word" took minutes), so a run
    /// of characters without a break longer than this is counted in pieces of this size: linear, and exact for ordinary text.
    /// </summary>
    public const int MaxRun = 256;

    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public int Count(string text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        if (LongestRun(text) <= MaxRun) return _tokenizer.CountTokens(text);
        var total = 0;
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(MaxRun, text.Length - start);
            // Cut before a whitespace where there is one, so ordinary words keep their leading space as BPE expects.
            if (start + length < text.Length)
            {
                var cut = text.AsSpan(start + 1, length - 1).LastIndexOfAny(' ', '\n', '\t');
                if (cut >= 0) length = cut + 1;
            }
            total += _tokenizer.CountTokens(text.AsSpan(start, length));
            start += length;
        }
        return total;
    }

    /// <summary>Messages plus the per-message framing OpenAI's chat format adds (about 3 tokens each, 3 for the reply).</summary>
    public int Count(IEnumerable<ChatMessage> messages) => messages.Sum(m => Count(m.Text) + 3) + 3;

    /// <summary>The longest stretch of the text that is all whitespace or all non-whitespace.</summary>
    private static int LongestRun(string text)
    {
        var longest = 0;
        var run = 0;
        var previous = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            run = run > 0 && space == previous ? run + 1 : 1;
            previous = space;
            if (run > longest) longest = run;
        }
        return longest;
    }
}
