namespace LlmLab.Evaluation.Apis;

/// <summary>POST /api/evaluations (API.md "Evaluations").</summary>
public sealed record CreateEvaluationRequest(
    string? Name, Guid? DatasetId, int? DatasetVersion, int? SampleSize, int? Seed, List<MethodRequest?>? Methods,
    string? Provider, string? Model, ParametersRequest? Parameters);

public sealed record MethodRequest(string? Method, string? Label, MethodOptionsRequest? Options);

public sealed record MethodOptionsRequest(int? TopK, int? ChunkSize, string? Collection, int? MaxSteps);

public sealed record ParametersRequest(double? Temperature, double? TopP, int? MaxTokens, long? Seed);
