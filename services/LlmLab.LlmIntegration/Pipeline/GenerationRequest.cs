using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>One generation, whichever door it came through (gRPC or the OpenAI-compatible /v1).</summary>
public sealed record GenerationRequest(string TenantId, string Provider, string Model, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool? Cache);

public sealed record GenerationResult(
    string Content, string FinishReason, int PromptTokens, int CompletionTokens, double LatencyMs, double TimeToFirstTokenMs,
    double CostUsd, bool CacheHit, string Provider, string Model)
{
    /// <summary>The functions the model asked to call (finish reason tool_calls); empty for a text answer.</summary>
    public IReadOnlyList<FunctionCallContent> ToolCalls { get; init; } = [];
    /// <summary>The tokens' log-probabilities when the request asked for them.</summary>
    public IReadOnlyList<TokenLogprob>? Logprobs { get; init; }
}
