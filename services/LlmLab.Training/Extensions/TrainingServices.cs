using LlmLab.Contracts.Quality;
using LlmLab.ServiceKit;
using LlmLab.Training.Apis;
using LlmLab.Training.Data;
using LlmLab.Training.Grpc;
using LlmLab.Training.Sources;
using LlmLab.Training.TenantData;
using LlmLab.Training.Workers;
using LlmLab.Messaging;

namespace LlmLab.Training.Extensions;

public static class TrainingServices
{
    public static IHostApplicationBuilder AddTrainingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.AddPostgresDbContext<TrainingDbContext>("trainingdb");
        builder.AddMessaging(x => x.AddConsumer<EraseTrainingDataConsumer>());
        builder.Services.AddOptions<WorkerOptions>().Bind(builder.Configuration.GetSection(WorkerOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<JobQueries>();
        builder.Services.AddScoped<JobClaims>();
        builder.Services.AddScoped<JobOutcomes>();
        builder.Services.AddScoped<JobRunner>();
        builder.Services.AddHostedService<TrainingWorker>();
        builder.Services.AddSingleton<TrainedModelCache>();

        // Logical names resolved by service discovery; the knowledge and datasets services are called as the caller.
        builder.Services.AddHttpClient<KnowledgeDocuments>(c => c.BaseAddress = new Uri("http://knowledge"));
        builder.Services.AddHttpClient<DatasetItems>(c => c.BaseAddress = new Uri("http://evaluation"));
        builder.Services.AddGrpcClient<QualityService.QualityServiceClient>(o => o.Address = new Uri("http://_grpc.quality-analysis"));
        return builder;
    }
}
