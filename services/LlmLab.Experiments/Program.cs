using LlmLab.Experiments.Apis;
using LlmLab.Experiments.Data;
using LlmLab.Experiments.Extensions;
using LlmLab.Experiments.TenantData;
using LlmLab.ServiceKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddExperimentsServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapExperimentsApi();
app.MapExperimentsTenantData();
await app.MigrateDatabaseAsync<ExperimentsDbContext>();
await app.RunAsync();
