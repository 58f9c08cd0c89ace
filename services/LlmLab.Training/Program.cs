using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;
using LlmLab.Training.Apis;
using LlmLab.Training.Data;
using LlmLab.Training.Extensions;
using LlmLab.Training.Grpc;
using LlmLab.Training.TenantData;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddTrainingServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapGrpcService<TrainedModelGrpcService>();
app.MapTrainingJobsApi();
app.MapTestSubmissionsApi();
app.MapTrainingTenantData();
await app.MigrateDatabaseAsync<TrainingDbContext>();
await app.RunAsync();
