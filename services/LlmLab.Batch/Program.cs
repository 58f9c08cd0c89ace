using LlmLab.Batch.Apis;
using LlmLab.Batch.Data;
using LlmLab.Batch.Extensions;
using LlmLab.Batch.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddBatchServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapResponsesApi();
app.MapScoredFeedApi();
app.MapBatchRunsApi();
app.MapMetricsApi();
app.MapBatchExperimentsApi();
app.MapParameterSearchApi();
app.MapRunAnalysisApi();
app.MapExportApi();
app.MapBatchTenantData();
app.MapVisibleRunsApi();
await app.MigrateDatabaseAsync<BatchDbContext>();
await app.RunAsync();
