using LlmLab.Contracts.Llm;
using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Evaluation.Apis;

/// <summary>Settles each agent's tool_calling against the resolved model: auto becomes native or text; native on a provider without tools is refused.</summary>
public static class ToolCallingChoice
{
    /// <summary>Rewrites auto in place; a problem naming <c>methods[i].options.tool_calling</c> when native cannot be honoured.</summary>
    public static ProblemHttpResult? Resolve(List<MethodSpec> methods, ResolveModelReply model)
    {
        for (var i = 0; i < methods.Count; i++)
        {
            var spec = methods[i];
            if (spec.Method != MethodKind.Agent) continue;
            if (spec.Options.ToolCalling == ToolCalling.Native && !model.SupportsTools)
                return Problems.Invalid($"methods[{i}].options.tool_calling",
                    $"native needs a provider with tool calling; '{model.Provider}' has none (OpenAI-compatible providers do). Use text or auto.");
            if (spec.Options.ToolCalling == ToolCalling.Auto)
                methods[i] = spec with { Options = spec.Options with { ToolCalling = model.SupportsTools ? ToolCalling.Native : ToolCalling.Text } };
        }
        return null;
    }
}
