using LlmLab.LlmIntegration.Apis;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;
using LlmLab.LlmIntegration.Extensions;
using LlmLab.LlmIntegration.Grpc;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddLlmIntegrationServices();
builder.AddTrainedModels();

var app = builder.Build();
// The built-in engine's model is built from its corpus on first use, which took 8–13 s on a loaded machine and failed
// the first experiment's model check (gRPC deadline): build it before the service listens and reports healthy.
app.Services.GetRequiredService<LocalLanguageModel>();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapGrpcService<LlmGrpcService>();
app.MapProvidersApi();
app.MapBudgetsApi();
app.MapOpenAiCompatibleApi();
app.MapLlmTenantData();
await app.RunAsync();
