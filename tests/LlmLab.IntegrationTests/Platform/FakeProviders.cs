using LlmLab.TestKit;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// OpenAI-compatible providers configured into llm-integration for the tests, each on its own scenario of the
/// fixture's <see cref="FakeOpenAiServer"/> (its own settings and counters) and its own circuit breaker.
/// </summary>
public static class FakeProviders
{
    public const string Model = "gpt-fake";
    /// <summary>Latency set per test; the default timeouts.</summary>
    public const string Slow = "fake-long";
    /// <summary>A timeout of 2 s, and 1 s of silence at most between streamed chunks.</summary>
    public const string QuickTimeout = "fake-short";
    public const string Errors = "fake-errors";
    public const string Refusing = "fake-refusing";
    public const string Cancel = "fake-cancel";
    /// <summary>Allows 16 calls at once while the server (set per test) answers 429 above fewer.</summary>
    public const string Limited = "fake-limited";
    /// <summary>The alert tests' own provider: they change its content and failures between runs.</summary>
    public const string Alerts = "fake-alerts";
    /// <summary>The OpenAI SDK tests' provider: it records what it received and can answer with a tool call.</summary>
    public const string Passthrough = "fake-passthrough";
    /// <summary>The OpenAI SDK tests' throttled provider (answers 429 when told to), apart so its circuit breaker opens alone.</summary>
    public const string Throttled = "fake-throttled";
    /// <summary>The openai npm package test's throttled provider, so its circuit breaker is not the one the .NET SDK test opened.</summary>
    public const string NodeSdkThrottled = "fake-throttled-node";

    public const int QuickTimeoutSeconds = 2;
    public const int QuickStreamIdleTimeoutSeconds = 1;

    public static IEnumerable<string> Configuration(FakeOpenAiServer server)
    {
        // Loopback base URLs are refused by the SSRF check; ProviderTenants allows exactly 127.0.0.1/32, where these run.
        foreach (var name in new[] { Slow, QuickTimeout, Errors, Refusing, Cancel, Limited, Alerts, Passthrough, Throttled, NodeSdkThrottled })
        {
            var prefix = $"Llm__Providers__{name}__";
            yield return $"{prefix}Kind=OpenAi";
            yield return $"{prefix}BaseUrl={server.BaseUrlOf(name)}";
            yield return $"{prefix}ApiKey=sk-fake-{name}";
            yield return $"{prefix}DefaultModel={Model}";
            yield return $"{prefix}Models__0__Name={Model}";
            if (name == Passthrough)
            {
                yield return $"{prefix}Models__0__InputPricePerMillion=2";
                yield return $"{prefix}Models__0__OutputPricePerMillion=8";
            }
            yield return $"{prefix}MaxConcurrency=16";
            if (name == QuickTimeout)
            {
                yield return $"{prefix}TimeoutSeconds={QuickTimeoutSeconds}";
                yield return $"{prefix}StreamIdleTimeoutSeconds={QuickStreamIdleTimeoutSeconds}";
            }
        }
    }
}
