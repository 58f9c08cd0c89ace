namespace LlmLab.Evaluation.Domain;

/// <summary>One method of an evaluation with its options, validated: what a work item runs.</summary>
public sealed record MethodSpec(string Label, MethodKind Method, MethodOptions Options);

/// <summary>
/// Method options. Retrieval: top_k, chunk_size (a result's text is cut to this many characters), collection.
/// Agent: max_steps, tool_calling. Every method: the evaluation's generation parameters.
/// </summary>
public sealed record MethodOptions(int TopK = 3, int ChunkSize = 1000, string Collection = "", int MaxSteps = 6, ToolCalling ToolCalling = ToolCalling.Text);
