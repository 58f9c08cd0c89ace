using LlmLab.Quality.Apis;
using LlmLab.Quality.Extensions;
using LlmLab.Quality.Grpc;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddQualityServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapGrpcService<QualityGrpcService>();
app.MapQualityApi();
app.MapCorpusBleuApi();
await app.RunAsync();
