using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Providers.Local;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// What each kind of provider can do with a chat request's optional features; a feature the resolved provider
/// cannot honour is refused naming the parameter, never dropped. OpenAI-compatible upstreams receive tools,
/// tool messages, response_format and logprobs as sent; the built-in engine has real token probabilities and nothing else.
/// </summary>
public static class ProviderFeatures
{
    /// <summary>Native function calling: OpenAI-compatible upstreams receive tools; the other kinds cannot call them.</summary>
    public static bool SupportsTools(ResolvedModel resolved) => resolved.Definition.Kind == ProviderKind.OpenAi;

    public static (string Param, string Message)? Refusal(ChatCompletionRequest body, ResolvedModel resolved)
    {
        var upstream = SupportsTools(resolved);
        var builtIn = resolved.Client.GetService(typeof(LocalChatClient)) is not null;
        var what = builtIn ? "the built-in engine" : $"provider '{resolved.Provider}' ({resolved.Definition.Kind.ToString().ToLowerInvariant()})";
        if (body.Logprobs == true && !builtIn && !upstream)
            return ("logprobs", $"{what} does not report token probabilities; the built-in engine and OpenAI-compatible providers do.");
        if (upstream) return null;
        if (body.Tools is { ValueKind: System.Text.Json.JsonValueKind.Array } tools && tools.GetArrayLength() > 0)
            return ("tools", $"{what} cannot call tools; use an OpenAI-compatible provider.");
        if (ResponseFormatValidator.AsksForJson(body.ResponseFormat))
            return ("response_format", $"{what} cannot guarantee JSON output; use an OpenAI-compatible provider.");
        for (var i = 0; i < body.Messages!.Count; i++)
        {
            var message = body.Messages[i];
            if (message.Role == "tool") return ($"messages[{i}].role", $"{what} cannot read tool results; use an OpenAI-compatible provider.");
            if (message.ToolCalls is { ValueKind: System.Text.Json.JsonValueKind.Array }) return ($"messages[{i}].tool_calls", $"{what} cannot read tool calls.");
            if (message.Name is not null) return ($"messages[{i}].name", $"{what} does not distinguish participants by name.");
        }
        return null;
    }
}
