using System.Globalization;

namespace LlmLab.Gateway.RateLimits;

/// <summary>RateLimit-Limit, -Remaining, -Reset and -Policy (IETF httpapi draft), and Retry-After on a refusal.</summary>
public static class RateLimitHeaders
{
    public static void Apply(HttpResponse response, QuotaDecision decision)
    {
        var binding = decision.Binding;
        // Set when the answer starts, so an error handler that clears the response cannot drop them.
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers["RateLimit-Limit"] = binding.Window.Limit.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = binding.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = binding.SecondsToReset.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Policy"] = decision.Policy;
            if (!decision.Allowed) headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }
}
