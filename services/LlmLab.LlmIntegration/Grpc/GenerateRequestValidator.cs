using LlmLab.Contracts.Llm;

namespace LlmLab.LlmIntegration.Grpc;

/// <summary>Rejects a request whose parameters are out of range, naming the field.</summary>
internal static class GenerateRequestValidator
{
    public static string? FirstError(GenerateRequest request)
    {
        if (request.Messages.Count == 0 || request.Messages.All(m => string.IsNullOrWhiteSpace(m.Content)))
            return "messages: at least one message with content is required.";
        // Providers, the default and the cache are per tenant: a call without one has nothing to resolve against.
        if (string.IsNullOrWhiteSpace(request.TenantId)) return "tenant_id: is required.";
        if (request.Messages.Sum(m => (long)m.Content.Length) > ServiceKit.TextRules.MaxPrompt)
            return $"messages: the messages' text must be at most {ServiceKit.TextRules.MaxPrompt} characters together.";
        if (ToolMessages.FirstError(request) is { } toolError) return toolError;
        var p = request.Parameters;
        if (p is null) return null;
        if (p.HasTemperature && p.Temperature is < 0 or > 2 or double.NaN) return "parameters.temperature: must be between 0 and 2.";
        if (p.HasTopP && (p.TopP <= 0 || p.TopP > 1 || double.IsNaN(p.TopP))) return "parameters.top_p: must be greater than 0 and at most 1.";
        if (p.HasMaxTokens && p.MaxTokens is < 1 or > 32768) return "parameters.max_tokens: must be between 1 and 32768.";
        if (p.HasFrequencyPenalty && p.FrequencyPenalty is < -2 or > 2) return "parameters.frequency_penalty: must be between -2 and 2.";
        if (p.HasPresencePenalty && p.PresencePenalty is < -2 or > 2) return "parameters.presence_penalty: must be between -2 and 2.";
        if (p.HasTopK && p.TopK < 0) return "parameters.top_k: must not be negative.";
        if (p.Stop.Count > 4 || p.Stop.Any(s => s.Length > 1_000)) return "parameters.stop: at most 4 stop sequences of at most 1000 characters.";
        return null;
    }
}
