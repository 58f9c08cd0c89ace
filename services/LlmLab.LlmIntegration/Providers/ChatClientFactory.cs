using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit.Outbound;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Simulated;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace LlmLab.LlmIntegration.Providers;

/// <summary>
/// Builds the Microsoft.Extensions.AI chat client of a provider and model. The SDKs' own retries are turned off:
/// the generation pipeline retries, honouring Retry-After, and breaks the circuit per provider. Every SDK sends
/// through <see cref="OutboundHttp"/>, which refuses blocked addresses at connection time.
/// </summary>
public sealed class ChatClientFactory(LocalLanguageModel localModel, IOptionsMonitor<SimulatedProviderOptions> simulated, TimeProvider time, OutboundHttp outbound)
{
    private static readonly TimeSpan SdkTimeoutMargin = TimeSpan.FromSeconds(30);

    public IChatClient Create(ProviderDefinition provider, string model, string apiKey) => provider.Kind switch
    {
        ProviderKind.Local => new LocalChatClient(localModel),
        ProviderKind.Simulated => new SimulatedChatClient(new LocalChatClient(localModel), simulated, time),
        ProviderKind.OpenAi => new ChatClient(model, new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = string.IsNullOrEmpty(provider.BaseUrl) ? null : new Uri(provider.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The pipeline cancels an attempt at the provider's timeout; the SDK's own (100 s by default) must not come first.
            NetworkTimeout = provider.Timeout + SdkTimeoutMargin,
            Transport = new HttpClientPipelineTransport(outbound.CreateClient()),
        }).AsIChatClient(),
        ProviderKind.Anthropic => new AnthropicClient
        {
            ApiKey = apiKey,
            BaseUrl = string.IsNullOrEmpty(provider.BaseUrl) ? "https://api.anthropic.com" : provider.BaseUrl,
            MaxRetries = 0,
            Timeout = provider.Timeout + SdkTimeoutMargin,
            HttpClient = outbound.CreateClient(),
        }.AsIChatClient(model, 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider.Kind, "unknown provider kind"),
    };
}
