using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>Counts tokens with Microsoft.ML.Tokenizers (o200k_base, GPT-4o's) when a provider does not report usage.</summary>
public sealed class TokenCounter
{
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);

    /// <summary>Messages plus the per-message framing OpenAI's chat format adds (about 3 tokens each, 3 for the reply).</summary>
    public int Count(IEnumerable<ChatMessage> messages) => messages.Sum(m => Count(m.Text) + 3) + 3;
}
