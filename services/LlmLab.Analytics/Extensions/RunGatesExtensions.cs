using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;

namespace LlmLab.Analytics.Extensions;

public static class RunGatesExtensions
{
    /// <summary>Gates evaluated when a run finishes: the measurements, the evaluation and the processor of finished runs.</summary>
    public static IHostApplicationBuilder AddRunGates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RunProcessingOptions>().Bind(builder.Configuration.GetSection(RunProcessingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RunMeasurements>();
        builder.Services.AddScoped<RunGates>();
        builder.Services.AddHostedService<FinishedRunProcessor>();
        return builder;
    }
}
