using LlmLab.Contracts.Training;
using LlmLab.LlmIntegration.Providers.Trained;

namespace LlmLab.LlmIntegration.Extensions;

public static class TrainedModelServices
{
    /// <summary>Trained models (`local/&lt;name&gt;`) through the training service's gRPC port, found by service discovery.</summary>
    public static IHostApplicationBuilder AddTrainedModels(this IHostApplicationBuilder builder)
    {
        // The generation pipeline retries and breaks circuits per model; a second retry layer here would multiply attempts.
        builder.Services.AddGrpcClient<TrainedModelService.TrainedModelServiceClient>(TrainedModels.ClientName,
            o => o.Address = new Uri("http://_grpc.training")).WithoutStandardResilience();
        builder.Services.AddSingleton<TrainedModels>();
        return builder;
    }
}
