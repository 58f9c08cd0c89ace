using System.ClientModel;
using Anthropic;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit.Outbound;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Simulated;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace LlmLab.LlmIntegration.Providers;

/// <summary>
/// Builds the Microsoft.Extensions.AI chat client of a provider and model. The SDKs' own retries are turned off:
/// the generation pipeline retries, honouring Retry-After, and breaks the circuit per provider. Every SDK sends
/// through <see cref="OutboundHttp"/>, which refuses blocked addresses at connection time.
/// </summary>
public sealed class ChatClientFactory(LocalLanguageModel localModel, IOptionsMonitor<SimulatedProviderOptions> simulated, TimeProvider time, OutboundHttp outbound)
{
    public IChatClient Create(ProviderDefinition provider, string model, string apiKey) => provider.Kind switch
    {
        ProviderKind.Local => new LocalChatClient(localModel),
        ProviderKind.Simulated => new SimulatedChatClient(new LocalChatClient(localModel), simulated, time),
        ProviderKind.OpenAi => new ChatClient(model, new ApiKeyCredential(apiKey), OpenAiSdkOptions.For(provider, outbound)).AsIChatClient(),
        ProviderKind.Anthropic => new AnthropicClient
        {
            ApiKey = apiKey,
            BaseUrl = string.IsNullOrEmpty(provider.BaseUrl) ? "https://api.anthropic.com" : provider.BaseUrl,
            MaxRetries = 0,
            Timeout = provider.Timeout + OpenAiSdkOptions.Margin,
            HttpClient = outbound.CreateClient(),
        }.AsIChatClient(model, 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider.Kind, "unknown provider kind"),
    };
}
