using LlmLab.Analytics.EvaluationGates;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;

namespace LlmLab.Analytics.Extensions;

public static class RunGatesExtensions
{
    /// <summary>Gates evaluated when a run or an evaluation finishes: the measurements, the evaluation and the processor of both.</summary>
    public static IHostApplicationBuilder AddRunGates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RunProcessingOptions>().Bind(builder.Configuration.GetSection(RunProcessingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RunMeasurements>();
        builder.Services.AddScoped<RunGates>();
        builder.Services.AddScoped<EvaluationResultsClient>();
        builder.Services.AddScoped<EvaluationGateProcessor>();
        builder.Services.AddHostedService<FinishedRunProcessor>();
        return builder;
    }
}
