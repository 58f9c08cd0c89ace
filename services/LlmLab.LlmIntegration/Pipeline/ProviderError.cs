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
    public bool IsTransient => Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.ServerError or ProviderErrorKind.Timeout;
}
