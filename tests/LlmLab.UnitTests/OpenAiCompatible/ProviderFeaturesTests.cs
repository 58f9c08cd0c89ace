using System.Text.Json;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;
using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Providers.Local;
using Microsoft.Extensions.AI;

namespace LlmLab.UnitTests.OpenAiCompatible;

public class ProviderFeaturesTests
{
    private static readonly LocalLanguageModel Model = LocalLanguageModel.FromEmbeddedCorpus();

    private static ResolvedModel Resolved(ProviderKind kind, IChatClient client) =>
        new("p", "p", default, new ProviderDefinition { Kind = kind }, new ModelDefinition { Name = "m" }, client);

    private static string? Refused(string extra, ResolvedModel resolved) => ProviderFeatures.Refusal(
        JsonSerializer.Deserialize<ChatCompletionRequest>("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra + "}")!, resolved)?.Param;

    [Fact]
    public void Each_provider_kind_refuses_exactly_what_it_cannot_do()
    {
        var local = Resolved(ProviderKind.Local, new LocalChatClient(Model));
        var upstream = Resolved(ProviderKind.OpenAi, new NoLocalEngine());
        var anthropic = Resolved(ProviderKind.Anthropic, new NoLocalEngine());
        const string tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]";
        const string json = ",\"response_format\":{\"type\":\"json_object\"}";
        const string logprobs = ",\"logprobs\":true";

        Assert.Equal([null, "tools", "response_format"], new[] { logprobs, tools, json }.Select(x => Refused(x, local)));
        Assert.Equal([null, null, null], new[] { logprobs, tools, json }.Select(x => Refused(x, upstream)));
        Assert.Equal(["logprobs", "tools", "response_format"], new[] { logprobs, tools, json }.Select(x => Refused(x, anthropic)));
        Assert.Null(Refused(",\"response_format\":{\"type\":\"text\"}", local));
    }

    /// <summary>A chat client that is not the built-in engine (stands for any SDK's client).</summary>
    private sealed class NoLocalEngine : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }
}
