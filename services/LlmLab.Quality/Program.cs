using LlmLab.Quality.Apis;
using LlmLab.Quality.Grpc;
using LlmLab.ServiceKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.Services.AddGrpc();
builder.Services.Configure<LlmLab.Quality.QualityOptions>(builder.Configuration.GetSection("Quality"));

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapGrpcService<QualityGrpcService>();
app.MapQualityApi();
await app.RunAsync();
