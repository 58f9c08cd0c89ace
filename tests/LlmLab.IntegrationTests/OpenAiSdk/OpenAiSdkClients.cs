using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using OpenAI;
using OpenAI.Chat;

namespace LlmLab.IntegrationTests.OpenAiSdk;

/// <summary>The official OpenAI .NET client pointed at the gateway's /v1, with its own retries off so each test sees every answer.</summary>
public static class OpenAiSdkClients
{
    public static OpenAIClientOptions Options(PlatformFixture platform) => new()
    {
        Endpoint = new Uri(platform.GatewayUrl + "/v1"),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    };

    public static OpenAIClient Client(PlatformFixture platform, string apiKey = PlatformFixture.ApiKey) =>
        new(new ApiKeyCredential(apiKey), Options(platform));

    public static ChatClient Chat(PlatformFixture platform, string model, string apiKey = PlatformFixture.ApiKey) => Client(platform, apiKey).GetChatClient(model);

    /// <summary>A chat request the SDK's typed options cannot express (n, stream without usage), sent through its protocol method.</summary>
    public static async Task<JsonElement> RawChatAsync(ChatClient client, object body)
    {
        var result = await client.CompleteChatAsync(BinaryContent.Create(BinaryData.FromObjectAsJson(body)));
        return JsonDocument.Parse(result.GetRawResponse().Content.ToString()).RootElement.Clone();
    }

    /// <summary>The error object of a refused call, which the SDK also turned into its exception's message.</summary>
    public static JsonElement ErrorOf(ClientResultException refused) =>
        JsonDocument.Parse(refused.GetRawResponse()!.Content.ToString()).RootElement.GetProperty("error").Clone();
}
