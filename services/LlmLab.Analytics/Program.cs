using LlmLab.Analytics.Annotation;
using LlmLab.Analytics.Apis;
using LlmLab.Analytics.Consumers;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Extensions;
using LlmLab.Analytics.Live;
using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Rebuild;
using LlmLab.Messaging;
using LlmLab.Analytics.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddPostgresDbContext<AnalyticsDbContext>("analyticsdb");
builder.AddMessaging(x =>
{
    x.AddConsumer<ResponsesScoredConsumer>(typeof(ResponsesScoredConsumerDefinition));
    x.AddConsumer<ResponseScoredConsumer>();
    x.AddConsumer<BatchRunFinishedConsumer>();
    x.AddConsumer<EvaluationFinishedConsumer>();
    x.AddConsumer<BudgetThresholdCrossedConsumer>();
    x.AddConsumer<EraseAnalyticsConsumer>();
    x.AddConsumer<EraseUserRunRowsConsumer>();
    // A temporary queue of this instance's own: every replica's live listeners hear every run event.
    x.AddConsumer<LiveRunEventsConsumer>().Endpoint(e =>
    {
        e.InstanceId = $"-{Guid.NewGuid():N}";
        e.Temporary = true;
    });
});
builder.Services.AddScoped<AnalyticsSql>();
builder.Services.AddScoped<ReadModelRebuilder>();
// Logical name resolved by service discovery (services__batch__http__0).
builder.Services.AddHttpClient<BatchFeedClient>(c => c.BaseAddress = new Uri("http://batch"));
builder.Services.AddHttpClient<KnownIds>(c => c.BaseAddress = new Uri("http://batch"));
builder.Services.AddHttpClient(RunResponses.BatchClient, c => c.BaseAddress = new Uri("http://batch"));
builder.Services.AddHttpClient(RunResponses.EvaluationClient, c => c.BaseAddress = new Uri("http://evaluation"));
builder.Services.AddScoped<RunResponses>();
builder.AddRunGates();
builder.AddAlerts();
builder.Services.AddSingleton<LiveEvents>();
builder.Services.AddHostedService<LiveChangesPoller>();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapBreakdownApi();
app.MapTrendsApi();
app.MapModelComparisonApi();
app.MapSummaryApi();
app.MapParameterOptimizationApi();
app.MapCorrelationApi();
app.MapInsightsApi();
app.MapMethodComparisonApi();
app.MapRebuildApi();
app.MapAnalyticsExportApi();
app.MapGatesApi();
app.MapEvaluationGatesApi();
app.MapAlertsApi();
app.MapEventStreamApi();
app.MapWebhooksApi();
app.MapFeedbackApi();
app.MapCalibrationApi();
app.MapAnnotationQueuesApi();
app.MapCorrectionsApi();
app.MapAnalyticsTenantData();
await app.MigrateDatabaseAsync<AnalyticsDbContext>();
await app.RunAsync();
