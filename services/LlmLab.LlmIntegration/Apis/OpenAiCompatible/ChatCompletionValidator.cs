using System.Text.Json;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>The first problem with a chat completion request, as OpenAI reports it: the parameter and a message.</summary>
public static class ChatCompletionValidator
{
    private static readonly HashSet<string> Roles = ["system", "user", "assistant", "developer"];

    public static (string Param, string Message)? FirstError(ChatCompletionRequest? body)
    {
        if (body is null) return ("body", "a JSON object is required.");
        if (string.IsNullOrWhiteSpace(body.Model)) return ("model", "is required.");
        if (body.Messages is not { Count: > 0 }) return ("messages", "at least one message is required.");
        for (var i = 0; i < body.Messages.Count; i++)
        {
            if (body.Messages[i].Role is not { } role || !Roles.Contains(role)) return ($"messages[{i}].role", "must be system, developer, user or assistant.");
        }
        if (body.Messages.All(m => string.IsNullOrWhiteSpace(m.Text()))) return ("messages", "at least one message needs text content.");
        if (body.Temperature is < 0 or > 2) return ("temperature", "must be between 0 and 2.");
        if (body.TopP is <= 0 or > 1) return ("top_p", "must be greater than 0 and at most 1.");
        if ((body.MaxCompletionTokens ?? body.MaxTokens) is < 1 or > 32768) return ("max_tokens", "must be between 1 and 32768.");
        if (body.FrequencyPenalty is < -2 or > 2) return ("frequency_penalty", "must be between -2 and 2.");
        if (body.PresencePenalty is < -2 or > 2) return ("presence_penalty", "must be between -2 and 2.");
        if (body.N is not null and not 1) return ("n", "only 1 choice per request is supported.");
        if (body.Stop is { ValueKind: not (JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Null) }) return ("stop", "must be a string or an array of strings.");
        return null;
    }
}
