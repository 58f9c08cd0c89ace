using System.ClientModel;
using System.Net;
using Anthropic.Exceptions;
using LlmLab.ServiceKit.Outbound;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>Turns what each SDK throws into one <see cref="ProviderException"/> with its Retry-After when the provider sent one.</summary>
public static class ErrorClassifier
{
    public static ProviderException Classify(Exception exception, string provider) => Blocked(exception) is { } blocked
        // Named after the provider's field at fault, which the /v1 door reports as the error's param.
        ? new ProviderException(ProviderErrorKind.InvalidRequest, $"base_url: {provider}: {blocked.Message}", null, blocked)
        : exception switch
    {
        ProviderException known => known,
        // Status 0: no HTTP answer at all (connection refused, DNS, reset).
        ClientResultException { Status: 0 } unreachable => new ProviderException(ProviderErrorKind.ServerError, $"{provider}: connection failed", null, unreachable),
        ClientResultException openAi => FromStatus(openAi.Status, provider, RetryAfter(openAi), openAi),
        AnthropicApiException anthropic => FromStatus((int)anthropic.StatusCode, provider, null, anthropic),
        AnthropicIOException io => new ProviderException(ProviderErrorKind.ServerError, $"{provider}: connection failed", null, io),
        HttpRequestException http when http.StatusCode is { } status => FromStatus((int)status, provider, null, http),
        HttpRequestException http => new ProviderException(ProviderErrorKind.ServerError, $"{provider}: connection failed", null, http),
        TimeoutException or TaskCanceledException => new ProviderException(ProviderErrorKind.Timeout, $"{provider}: timed out", null, exception),
        _ => new ProviderException(ProviderErrorKind.Unknown, $"{provider}: {exception.GetType().Name}", null, exception),
    };

    /// <summary>The outbound policy's refusal, however deep an SDK wrapped it.</summary>
    private static BlockedAddressException? Blocked(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BlockedAddressException blocked) return blocked;
        }
        return null;
    }

    public static ProviderException FromStatus(int status, string provider, TimeSpan? retryAfter, Exception? inner = null)
    {
        var failed = KindOf(status, provider, retryAfter, inner);
        return new ProviderException(failed.Kind, failed.Message, failed.RetryAfter, inner) { ProviderStatus = status };
    }

    private static ProviderException KindOf(int status, string provider, TimeSpan? retryAfter, Exception? inner) => status switch
    {
        429 => new ProviderException(ProviderErrorKind.RateLimited, $"{provider}: rate limited (429)", retryAfter, inner),
        401 or 403 => new ProviderException(ProviderErrorKind.Unauthorized, $"{provider}: the API key was refused ({status})", null, inner),
        408 => new ProviderException(ProviderErrorKind.Timeout, $"{provider}: timed out (408)", retryAfter, inner),
        >= 500 => new ProviderException(ProviderErrorKind.ServerError, $"{provider}: server error ({status})", retryAfter, inner),
        >= 400 => new ProviderException(ProviderErrorKind.InvalidRequest, $"{provider}: request refused ({status})", null, inner),
        _ => new ProviderException(ProviderErrorKind.Unknown, $"{provider}: unexpected status {status}", null, inner),
    };

    private static TimeSpan? RetryAfter(ClientResultException exception)
    {
        var response = exception.GetRawResponse();
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value)) return null;
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow
            : null;
    }
}
