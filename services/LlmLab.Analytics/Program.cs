using LlmLab.Analytics.Apis;
using LlmLab.Analytics.Consumers;
using LlmLab.Analytics.Data;
using LlmLab.Messaging;
using LlmLab.ServiceKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddPostgresDbContext<AnalyticsDbContext>("analyticsdb");
builder.AddMessaging(x => x.AddConsumer<ResponseScoredConsumer>());

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapAnalyticsApi();
app.MapModelComparisonApi();
await app.MigrateDatabaseAsync<AnalyticsDbContext>();
await app.RunAsync();
