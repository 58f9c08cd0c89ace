using LlmLab.Contracts.Llm;
using LlmLab.Experiments.Clients;
using LlmLab.Experiments.Consumers;
using LlmLab.Experiments.Domain;
using LlmLab.Experiments.Data;
using LlmLab.Messaging;
using LlmLab.Experiments.TenantData;
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
        builder.AddMessaging(x =>
        {
            x.AddConsumer<RunStatusConsumer>();
            x.AddConsumer<EraseExperimentsConsumer>();
            x.AddConsumer<EraseUserExperimentsConsumer>();
        });
        builder.Services.AddGrpcClient<LlmService.LlmServiceClient>(o => o.Address = new Uri("http://_grpc.llm-integration"));
        builder.Services.AddScoped<ModelCatalog>();
        return builder;
    }
}
