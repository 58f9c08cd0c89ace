namespace LlmLab.Cli.Config;

/// <summary>What a run file asks for: an experiment (a prompt over a parameter grid) or an evaluation (a dataset × methods).</summary>
public abstract record RunConfig(string File, string Name, string Provider, string Model, GateConfig? Gates, TimeSpan Timeout);

/// <summary>A value or an inclusive range of one sampling parameter.</summary>
public sealed record ParameterRange(double Min, double Max, double Step)
{
    public static ParameterRange Fixed(double value) => new(value, value, 0.1);
}

public sealed record ExperimentConfig(
    string File, string Name, string Description, string Prompt, string Provider, string Model,
    ParameterRange Temperature, ParameterRange TopP, int MaxTokens, double FrequencyPenalty, double PresencePenalty,
    int ResponseCount, long? Seed, GateConfig? Gates, TimeSpan Timeout)
    : RunConfig(File, Name, Provider, Model, Gates, Timeout);

public sealed record MethodConfig(string Method, string? Label, int? TopK, int? ChunkSize, string? Collection, int? MaxSteps);

public sealed record EvaluationConfig(
    string File, string Name, string? Dataset, string? DatasetFile, int? DatasetVersion, int? SampleSize, int? Seed,
    IReadOnlyList<MethodConfig> Methods, string Provider, string Model,
    double? Temperature, double? TopP, int? MaxTokens, long? GenerationSeed, GateConfig? Gates, TimeSpan Timeout)
    : RunConfig(File, Name, Provider, Model, Gates, Timeout);

/// <summary>One threshold: <c>metric op value</c>; <see cref="Method"/> limits an evaluation's check to one method.</summary>
public sealed record GateCheckConfig(string Metric, string Op, double Value, string? Method)
{
    public override string ToString() =>
        FormattableString.Invariant($"{(Method is null ? "" : Method + ": ")}{Metric} {Op} {Value}");
}

public sealed record GateConfig(IReadOnlyList<GateCheckConfig> Checks, bool NoSignificantRegression, Guid? BaselineRunId, string? RegressionMetric);
