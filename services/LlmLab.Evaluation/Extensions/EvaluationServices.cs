using LlmLab.Contracts.Knowledge;
using LlmLab.Contracts.Llm;
using LlmLab.Contracts.Quality;
using LlmLab.Evaluation.Agent;
using LlmLab.Evaluation.Apis;
using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Datasets;
using LlmLab.Evaluation.Methods;
using LlmLab.Evaluation.Queries;
using LlmLab.Evaluation.Workers;
using LlmLab.Messaging;
using LlmLab.ServiceKit;

namespace LlmLab.Evaluation.Extensions;

public static class EvaluationServices
{
    public static IHostApplicationBuilder AddEvaluationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<EvaluationDbContext>("evaluationdb");
        builder.AddOutbox<EvaluationDbContext>();
        builder.AddMessaging(x =>
        {
            x.AddConsumer<EvaluateItemConsumer>(typeof(EvaluateItemConsumerDefinition));
            x.AddConsumer<TenantData.EraseEvaluationDataConsumer>();
        });

        // One retry layer per hop (docs/architecture.md): model calls last as long as the provider needs and an unreachable
        // service fails the message, which MassTransit retries; so the standard resilience handler is removed, as in Batch.
        builder.Services.AddGrpcClient<LlmService.LlmServiceClient>(o => o.Address = new Uri("http://_grpc.llm-integration")).WithoutStandardResilience();
        builder.Services.AddGrpcClient<QualityService.QualityServiceClient>(o => o.Address = new Uri("http://_grpc.quality-analysis")).WithoutStandardResilience();
        builder.Services.AddGrpcClient<KnowledgeService.KnowledgeServiceClient>(o => o.Address = new Uri("http://_grpc.knowledge")).WithoutStandardResilience();

        // Logical name resolved by service discovery (services__analytics__http__0).
        builder.Services.AddHttpClient<CorrectionsClient>(c => c.BaseAddress = new Uri("http://analytics"));
        builder.Services.AddScoped<ModelClient>();
        builder.Services.AddScoped<ScoringClient>();
        builder.Services.AddScoped<KnowledgeClient>();
        builder.Services.AddScoped<AgentTools>();
        builder.Services.AddScoped<IEvaluationMethod, PromptMethods>();
        builder.Services.AddScoped<IEvaluationMethod, RagMethod>();
        builder.Services.AddScoped<IEvaluationMethod, AgentMethod>();
        builder.Services.AddScoped<AgentChatClients>();
        builder.Services.AddScoped<IEvaluationMethod, NativeAgentMethod>();
        builder.Services.AddScoped<ItemExecutor>();
        builder.Services.AddScoped<ItemRecorder>();
        builder.Services.AddScoped<ItemParking>();
        builder.Services.AddScoped<EvaluationLauncher>();
        builder.Services.AddScoped<EvaluationQueries>();
        builder.Services.AddHostedService<BuiltinDatasets>();
        return builder;
    }
}
