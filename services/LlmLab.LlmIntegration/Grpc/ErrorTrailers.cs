namespace LlmLab.LlmIntegration.Grpc;

/// <summary>Trailers a failed Generate carries (named in llm.proto), so the caller can record what happened.</summary>
internal static class ErrorTrailers
{
    public const string Kind = "llmlab-error-kind";
    public const string FailureKind = "llmlab-failure-kind";
    public const string ProviderStatus = "llmlab-provider-status";
    public const string Attempts = "llmlab-attempts";
}
