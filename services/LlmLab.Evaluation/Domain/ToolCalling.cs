namespace LlmLab.Evaluation.Domain;

/// <summary>
/// How the agent calls its tools: the Thought/Action/Observation text protocol (any model), the provider's native
/// function calling, or auto (native where the provider supports tools). A started evaluation stores text or native, never auto.
/// </summary>
public enum ToolCalling
{
    Text,
    Native,
    Auto,
}
