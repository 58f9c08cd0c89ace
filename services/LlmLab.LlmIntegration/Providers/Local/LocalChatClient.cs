using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.LlmIntegration.Providers.Local.Reading;
using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>The built-in offline engine behind Microsoft.Extensions.AI's <see cref="IChatClient"/>.</summary>
public sealed class LocalChatClient(LocalLanguageModel model) : IChatClient
{
    public const string ModelName = "local-ngram";
    private const int DefaultMaxTokens = 256;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        ChatResponseUpdate? last = null;
        var logprobs = new List<TokenLogprob>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            text.Append(update.Text);
            if (update.AdditionalProperties?.TryGetValue(LogprobRequest.ResultKey, out var logprob) == true && logprob is TokenLogprob token) logprobs.Add(token);
            last = update;
        }
        var usage = last?.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString()))
        {
            FinishReason = last?.FinishReason ?? ChatFinishReason.Stop,
            ModelId = ModelName,
            Usage = usage,
            AdditionalProperties = LogprobRequest.TopOf(options) is null ? null : new() { [LogprobRequest.ResultKey] = logprobs },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = string.Join("\n\n", messages.Select(m => m.Text));
        var settings = new SamplingSettings(
            Temperature: options?.Temperature ?? 1.0,
            TopP: options?.TopP ?? 1.0,
            TopK: options?.TopK ?? 0,
            FrequencyPenalty: options?.FrequencyPenalty ?? 0,
            PresencePenalty: options?.PresencePenalty ?? 0);
        var seed = options?.Seed is long s ? unchecked((int)(s ^ (s >> 32))) : Random.Shared.Next();
        var topLogprobs = LogprobRequest.TopOf(options);
        var outcome = new GenerationOutcome { Logprobs = topLogprobs is null ? null : [], TopLogprobs = topLogprobs ?? 0 };
        var maxTokens = options?.MaxOutputTokens ?? DefaultMaxTokens;
        var stop = options?.StopSequences?.ToList() ?? [];
        var reading = ReadingModes.Respond(prompt, settings.Temperature, new Random(seed));
        if (reading is not null && topLogprobs is not null)
        {
            throw new ProviderException(ProviderErrorKind.InvalidRequest,
                "logprobs: this prompt (a question with its context, or an agent transcript) is answered by reading, not by sampling tokens, so there are no token probabilities to report.");
        }
        var pieces = reading is not null
            ? ComposedReply.Stream(reading, maxTokens, stop, outcome)
            : new LocalEngine(model).Generate(prompt, settings, maxTokens, stop, seed, outcome, cancellationToken);

        var index = 0;
        foreach (var piece in pieces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var update = new ChatResponseUpdate(ChatRole.Assistant, piece) { ModelId = ModelName };
            if (outcome.Logprobs is { } logprobs && index < logprobs.Count) update.AdditionalProperties = new() { [LogprobRequest.ResultKey] = logprobs[index++] };
            yield return update;
        }

        await Task.CompletedTask;
        var promptTokens = LocalTokenizer.Count(prompt);
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails
        {
            InputTokenCount = promptTokens,
            OutputTokenCount = outcome.CompletionTokens,
            TotalTokenCount = promptTokens + outcome.CompletionTokens,
        })])
        {
            FinishReason = outcome.Reason == "length" ? ChatFinishReason.Length : ChatFinishReason.Stop,
            ModelId = ModelName,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("local", null, ModelName)
        : null;

    public void Dispose() { }
}
