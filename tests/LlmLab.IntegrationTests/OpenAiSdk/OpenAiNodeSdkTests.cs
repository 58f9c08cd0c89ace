using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.OpenAiSdk;

/// <summary>
/// The openai npm package (web/e2e/openai-sdk.mjs) drives /v1 through the gateway, one check per row of the /v1 parity
/// list, as <see cref="OpenAiSdkChatTests"/>, <see cref="OpenAiSdkErrorTests"/> and <see cref="OpenAiSdkPassthroughTests"/>
/// do with the .NET client: chat create and stream (usage only with include_usage), n, logprobs, JSON mode, tools with
/// a role "tool" round trip, models list/retrieve, 404 model_not_found, 401 invalid_api_key with its message, 429 with
/// Retry-After, embeddings, responses and completions whole and streamed.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OpenAiNodeSdkTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_openai_npm_package_drives_every_v1_row()
    {
        var passthrough = platform.FakeOpenAi.Scenario(FakeProviders.Passthrough);
        var throttled = platform.FakeOpenAi.Scenario(FakeProviders.NodeSdkThrottled);
        passthrough.ToolCall = ("get_weather", """{"city":"Oslo"}""");
        throttled.FailWithStatus = 429;
        throttled.RetryAfter = TimeSpan.FromMilliseconds(100);
        string log;
        try
        {
            log = await NodeScript.RunAsync(
            [
                "e2e/openai-sdk.mjs", platform.GatewayUrl, PlatformFixture.ApiKey,
                $"{FakeProviders.Passthrough}/{FakeProviders.Model}", $"{FakeProviders.NodeSdkThrottled}/{FakeProviders.Model}",
            ], TimeSpan.FromMinutes(5));
        }
        finally
        {
            passthrough.ToolCall = null;
            throttled.FailWithStatus = 0;
        }
        Assert.Contains("openai-sdk: all checks passed", log, StringComparison.Ordinal);
        foreach (var row in new[] { "chat.completions.create", "chat.completions stream", "n=2", "logprobs", "response_format", "models.list", "unknown models",
                     "wrong key", "provider 429", "embeddings.create", "responses.create", "responses stream", "completions:", "tools:" })
            Assert.Contains($"openai-sdk: {row}", log, StringComparison.Ordinal);

        // The script's last call is the tool round trip: the provider received the SDK's assistant call and the tool's result.
        var messages = JsonDocument.Parse(passthrough.LastChatRequest!).RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("get_weather", messages[1].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(messages[1].GetProperty("tool_calls")[0].GetProperty("id").GetString(), messages[2].GetProperty("tool_call_id").GetString());
        Assert.True(throttled.Requests > 1, "the platform retries a 429 before passing it on");
    }
}
