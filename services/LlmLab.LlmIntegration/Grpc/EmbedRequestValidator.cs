using LlmLab.Contracts.Llm;

namespace LlmLab.LlmIntegration.Grpc;

/// <summary>Rejects an embeddings request out of range, naming the field.</summary>
internal static class EmbedRequestValidator
{
    public const int MaxInputs = 2048;
    public const int MaxDimensions = 4096;

    public static string? FirstError(EmbedRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.TenantId)) return "tenant_id: is required.";
        if (request.Inputs.Count == 0) return "inputs: at least one text is required.";
        if (request.Inputs.Count > MaxInputs) return $"inputs: at most {MaxInputs} texts per call.";
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            if (request.Inputs[i].Length == 0) return $"inputs: text {i} is empty.";
            if (ServiceKit.TextRules.Problem(request.Inputs[i], ServiceKit.TextRules.MaxPrompt) is { } problem) return $"inputs: text {i} {problem}";
        }
        if (request.HasDimensions && request.Dimensions is < 1 or > MaxDimensions) return $"dimensions: must be between 1 and {MaxDimensions}.";
        return null;
    }
}
