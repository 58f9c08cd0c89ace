using LlmLab.Experiments.Domain;
using LlmLab.Experiments.Data;
using LlmLab.ServiceKit;

namespace LlmLab.Experiments.Extensions;

public static class ExperimentsServices
{
    public static IHostApplicationBuilder AddExperimentsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<ExperimentsDbContext>("experimentsdb");
        builder.Services.AddOptions<ExperimentLimits>()
            .Bind(builder.Configuration.GetSection("Experiments"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
