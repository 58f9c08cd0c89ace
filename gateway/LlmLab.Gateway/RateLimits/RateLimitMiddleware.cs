using LlmLab.ServiceKit;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmLab.Gateway.RateLimits;

/// <summary>
/// Counts each call that starts model work against the caller's tier (per API key: Gateway:Tiers) in Redis, shared by
/// every replica; answers 429 with Retry-After once a window is used up, and RateLimit-* headers on every counted call.
/// </summary>
public sealed class RateLimitMiddleware(
    RequestDelegate next, QuotaCounter counter, IOptionsMonitor<TierLimits> tiers, TimeProvider time,
    IProblemDetailsService problems, ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!CountedRoutes.Counts(context.Request) || context.Caller() is not { } caller)
        {
            await next(context);
            return;
        }
        var windows = QuotaWindow.For(tiers.CurrentValue.For(caller.Tier));
        if (windows.Count == 0)
        {
            await next(context);
            return;
        }

        QuotaDecision decision;
        try
        {
            decision = await counter.TakeAsync($"{caller.TenantId}\n{caller.KeyId ?? caller.SubjectId}", windows, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis down must not take the API down with it: the call goes through uncounted, and the log says so.
            logger.LogWarning("Rate limits not applied: Redis is unreachable ({Message})", ex.Message);
            await next(context);
            return;
        }

        RateLimitHeaders.Apply(context.Response, decision);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var binding = decision.Binding;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Rate limit exceeded",
                Detail = $"The {caller.Tier} tier allows {binding.Window.Limit} model calls per {binding.Window.Name}; " +
                    $"try again in {decision.RetryAfterSeconds} s.",
                Extensions =
                {
                    ["tier"] = caller.Tier,
                    ["limit"] = binding.Window.Limit,
                    ["window"] = binding.Window.Name,
                    ["retry_after"] = decision.RetryAfterSeconds,
                },
            },
        });
    }
}
