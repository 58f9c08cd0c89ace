namespace LlmLab.Batch.Domain;

/// <summary>Why a work item's call failed, as API.md's Failures section names it; kept on the work item.</summary>
public sealed record CallFailure(string Kind, string Message, int? ProviderStatus, int Attempts)
{
    public const string Timeout = "timeout";
    public const string RateLimited = "rate_limited";
    public const string ProviderError = "provider_error";
    public const string InvalidRequest = "invalid_request";
    public const string Unavailable = "unavailable";
    public const string Cancelled = "cancelled";
}
