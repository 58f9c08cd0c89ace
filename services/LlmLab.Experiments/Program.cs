using LlmLab.Experiments.Apis;
using LlmLab.Experiments.Data;
using LlmLab.Experiments.Extensions;
using LlmLab.Experiments.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddExperimentsServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapExperimentsApi();
app.MapExperimentsTenantData();
await app.MigrateDatabaseAsync<ExperimentsDbContext>();
await app.RunAsync();
