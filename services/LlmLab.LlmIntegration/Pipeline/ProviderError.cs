namespace LlmLab.LlmIntegration.Pipeline;

public enum ProviderErrorKind
{
    RateLimited,
    ServerError,
    Timeout,
    Unauthorized,
    InvalidRequest,
    CircuitOpen,
    Unknown,
}

/// <summary>A provider call that failed, classified so callers can retry, back off or give up; the message never holds a key.</summary>
public sealed class ProviderException(ProviderErrorKind kind, string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public ProviderErrorKind Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    /// <summary>The HTTP status the provider answered; null when there was no answer (connection failed, timed out).</summary>
    public int? ProviderStatus { get; init; }
    /// <summary>How many attempts the call made before it gave up (set by the pipeline).</summary>
    public int Attempts { get; set; } = 1;
    public bool IsTransient => Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.ServerError or ProviderErrorKind.Timeout;

    /// <summary>
    /// The failure kind of API.md's contract: timeout, rate_limited, provider_error, invalid_request, unavailable
    /// (cancelled is the caller's own doing and is decided by the caller).
    /// </summary>
    public string FailureKind => Kind switch
    {
        ProviderErrorKind.Timeout => "timeout",
        ProviderErrorKind.RateLimited => "rate_limited",
        ProviderErrorKind.InvalidRequest => "invalid_request",
        ProviderErrorKind.CircuitOpen => "unavailable",
        ProviderErrorKind.ServerError when ProviderStatus is null => "unavailable",
        _ => "provider_error",
    };
}
