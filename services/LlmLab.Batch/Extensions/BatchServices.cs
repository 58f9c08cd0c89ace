using LlmLab.Batch.Apis;
using LlmLab.Batch.Clients;
using LlmLab.Batch.Data;
using LlmLab.Batch.Workers;
using LlmLab.Contracts.Llm;
using LlmLab.Contracts.Quality;
using LlmLab.Messaging;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Extensions;

public static class BatchServices
{
    public static IHostApplicationBuilder AddBatchServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<BatchDbContext>("batchdb");
        builder.AddOutbox<BatchDbContext>();
        builder.AddMessaging(x =>
        {
            x.AddConsumer<GenerateResponsesConsumer>(typeof(GenerateResponsesConsumerDefinition));
            x.AddConsumer<GenerateResponseConsumer>(typeof(GenerateResponseConsumerDefinition));
            x.AddConsumer<RescoreRunConsumer>();
            x.AddConsumer<LlmLab.Batch.TenantData.EraseBatchDataConsumer>();
            x.AddConsumer<LlmLab.Batch.TenantData.EraseUserRunsConsumer>();
        });

        // Logical names resolved by service discovery (services__<name>__<endpoint>__0).
        builder.Services.AddHttpClient<ExperimentsClient>(c => c.BaseAddress = new Uri("http://experiments"));
        builder.Services.AddHttpClient<BudgetClient>(c => c.BaseAddress = new Uri("http://llm-integration"));
        // One retry layer per hop (docs/architecture.md): these calls last as long as the provider needs (minutes) and
        // WorkItemExecutor retries them when the service is unreachable, so the standard resilience handler that
        // ServiceDefaults gives every HttpClient (10 s per attempt, 30 s in all, 3 retries) is removed.
        builder.Services.AddGrpcClient<LlmService.LlmServiceClient>(o => o.Address = new Uri("http://_grpc.llm-integration")).WithoutStandardResilience().WithMultipleHttp2Connections();
        builder.Services.AddGrpcClient<QualityService.QualityServiceClient>(o => o.Address = new Uri("http://_grpc.quality-analysis")).WithoutStandardResilience().WithMultipleHttp2Connections();

        builder.Services.AddSingleton<WorkChunking>();
        builder.Services.AddScoped<WorkChunkRunner>();
        builder.Services.AddScoped<WorkItemExecutor>();
        builder.Services.AddScoped<ModelCatalog>();
        builder.Services.AddSingleton<InFlightRuns>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InFlightRuns>());
        builder.Services.AddScoped<ResultRecorder>();
        builder.Services.AddScoped<RunLauncher>();
        builder.Services.AddScoped<SmallRunWaiter>();
        builder.Services.AddScoped<RunStatusReader>();
        builder.Services.AddSingleton<RunPreviewCache>();
        builder.Services.AddScoped<LlmLab.Batch.Estimates.RunHistory>();
        builder.Services.AddSingleton<RunProgressFeed>();
        builder.Services.AddScoped<RunControl>();
        builder.Services.AddScoped<ExperimentLookup>();
        builder.Services.AddScoped<ConcurrentRunGate>();
        builder.Services.AddScoped<LlmLab.Batch.Export.ResponseExporter>();
        builder.Services.AddParameterSearch();
        return builder;
    }
}
