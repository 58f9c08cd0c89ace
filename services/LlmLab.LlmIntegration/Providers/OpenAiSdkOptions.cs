using System.ClientModel.Primitives;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit.Outbound;
using OpenAI;

namespace LlmLab.LlmIntegration.Providers;

/// <summary>
/// The OpenAI SDK settings every OpenAI-compatible client (chat and embeddings) is built with: the provider's base URL,
/// no SDK retries (the pipeline retries, honouring Retry-After), and the checked outbound connection pool.
/// </summary>
public static class OpenAiSdkOptions
{
    private static readonly TimeSpan SdkTimeoutMargin = TimeSpan.FromSeconds(30);

    public static OpenAIClientOptions For(ProviderDefinition provider, OutboundHttp outbound) => new()
    {
        Endpoint = string.IsNullOrEmpty(provider.BaseUrl) ? null : new Uri(provider.BaseUrl),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        // The pipeline cancels an attempt at the provider's timeout; the SDK's own (100 s by default) must not come first.
        NetworkTimeout = provider.Timeout + SdkTimeoutMargin,
        Transport = new HttpClientPipelineTransport(outbound.CreateClient()),
    };

    /// <summary>How long past the provider's timeout an SDK's own network timeout sits.</summary>
    public static TimeSpan Margin => SdkTimeoutMargin;
}
