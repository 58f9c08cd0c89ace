using LlmLab.Batch.Search;

namespace LlmLab.Batch.Extensions;

public static class ParameterSearchServices
{
    /// <summary>Auto-optimisation: the searches' readers, starter, stepper and the driver that moves them on.</summary>
    public static IServiceCollection AddParameterSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchSpaceReader>();
        services.AddScoped<SearchResults>();
        services.AddScoped<SearchStepper>();
        services.AddScoped<SearchStarter>();
        services.AddScoped<SearchViewReader>();
        services.AddHostedService<SearchDriver>();
        return services;
    }
}
