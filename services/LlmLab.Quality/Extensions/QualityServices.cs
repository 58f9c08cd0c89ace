using LlmLab.Contracts.Llm;
using LlmLab.Quality.Judging;

namespace LlmLab.Quality.Extensions;

public static class QualityServices
{
    public static IHostApplicationBuilder AddQualityServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.Configure<QualityOptions>(builder.Configuration.GetSection("Quality"));
        // The judge asks its model through llm-integration (service discovery: services__llm-integration__grpc__0).
        // A judge call lasts as long as its model needs: no standard resilience handler (10 s/30 s) on this client.
        builder.Services.AddGrpcClient<LlmService.LlmServiceClient>(o => o.Address = new Uri("http://_grpc.llm-integration")).WithoutStandardResilience().WithMultipleHttp2Connections();
        builder.Services.AddSingleton<IJudgeModel, LlmServiceJudgeModel>();
        builder.Services.AddSingleton<LlmJudge>();
        builder.Services.AddSingleton<JudgedScorer>();
        return builder;
    }
}
