using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>One generation, whichever door it came through (gRPC or the OpenAI-compatible /v1).</summary>
public sealed record GenerationRequest(string TenantId, string Provider, string Model, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool? Cache);

public sealed record GenerationResult(
    string Content, string FinishReason, int PromptTokens, int CompletionTokens, double LatencyMs, double TimeToFirstTokenMs,
    double CostUsd, bool CacheHit, string Provider, string Model);
