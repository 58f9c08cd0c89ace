namespace LlmLab.Evaluation.Apis;

/// <summary>POST /api/evaluations (API.md "Evaluations").</summary>
public sealed record CreateEvaluationRequest(
    string? Name, Guid? DatasetId, int? DatasetVersion, int? SampleSize, int? Seed, List<MethodRequest?>? Methods,
    string? Provider, string? Model, ParametersRequest? Parameters, JudgeRequest? Judge = null);

/// <summary>An LLM judge of faithfulness: a provider (required) and a model (empty: the provider's default).</summary>
public sealed record JudgeRequest(string? Provider, string? Model);

public sealed record MethodRequest(string? Method, string? Label, MethodOptionsRequest? Options);

public sealed record MethodOptionsRequest(int? TopK, int? ChunkSize, string? Collection, int? MaxSteps, string? ToolCalling = null);

public sealed record ParametersRequest(double? Temperature, double? TopP, int? MaxTokens, long? Seed);
