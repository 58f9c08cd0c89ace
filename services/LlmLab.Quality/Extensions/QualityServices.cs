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
        builder.Services.AddGrpcClient<LlmService.LlmServiceClient>(o => o.Address = new Uri("http://_grpc.llm-integration"));
        builder.Services.AddSingleton<IJudgeModel, LlmServiceJudgeModel>();
        builder.Services.AddSingleton<LlmJudge>();
        builder.Services.AddSingleton<JudgedScorer>();
        return builder;
    }
}
