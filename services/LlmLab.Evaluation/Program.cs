using LlmLab.Evaluation.Apis;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Extensions;
using LlmLab.Evaluation.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddEvaluationServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapDatasetsApi();
app.MapFeedbackVersionApi();
app.MapEvaluationsApi();
app.MapGateResultsApi();
app.MapEvaluationTenantData();
await app.MigrateDatabaseAsync<EvaluationDbContext>();
await app.RunAsync();
