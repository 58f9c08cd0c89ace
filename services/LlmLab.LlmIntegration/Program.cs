using LlmLab.LlmIntegration.Apis;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;
using LlmLab.LlmIntegration.Extensions;
using LlmLab.LlmIntegration.Grpc;
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
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapGrpcService<LlmGrpcService>();
app.MapProvidersApi();
app.MapBudgetsApi();
app.MapOpenAiCompatibleApi();
app.MapLlmTenantData();
await app.RunAsync();
