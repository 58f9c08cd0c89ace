using System.Runtime.CompilerServices;
using LlmLab.Contracts.Training;
using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Providers.Trained;

/// <summary>
/// A tenant's trained model behind <see cref="IChatClient"/>: the messages become the text the model continues, and
/// the training service generates (gRPC Generate). Streaming yields the whole answer as one update.
/// </summary>
public sealed class TrainedChatClient(TrainedModels models, string tenantId, string modelName) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new TrainedGenerateRequest { Model = modelName, Prompt = string.Join("\n\n", messages.Select(m => m.Text)) };
        if (options?.Temperature is { } temperature) request.Temperature = temperature;
        if (options?.TopP is { } topP) request.TopP = topP;
        if (options?.TopK is { } topK) request.TopK = topK;
        if (options?.MaxOutputTokens is { } maxTokens) request.MaxTokens = maxTokens;
        if (options?.Seed is { } seed) request.Seed = seed;
        if (options?.StopSequences is { } stop) request.Stop.Add(stop);
        var reply = await models.GenerateAsync(tenantId, request, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply.Content))
        {
            FinishReason = reply.FinishReason == "length" ? ChatFinishReason.Length : ChatFinishReason.Stop,
            ModelId = modelName,
            Usage = new UsageDetails
            {
                InputTokenCount = reply.PromptTokens,
                OutputTokenCount = reply.CompletionTokens,
                TotalTokenCount = reply.PromptTokens + reply.CompletionTokens,
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("local", null, modelName)
        : null;

    public void Dispose() { }
}
