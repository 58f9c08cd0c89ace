namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>One generated token with its log-probability and the most likely tokens at that position (OpenAI's logprobs).</summary>
public sealed record TokenLogprob(string Token, double Logprob, IReadOnlyList<TopLogprob> Top);

public sealed record TopLogprob(string Token, double Logprob);
