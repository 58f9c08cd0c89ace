using LlmLab.Knowledge.Apis;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Extensions;
using LlmLab.Knowledge.Grpc;
using LlmLab.Knowledge.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddKnowledgeServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapGrpcService<KnowledgeGrpcService>();
app.MapDocumentsApi();
app.MapSearchApi();
app.MapEmbeddingsApi();
app.MapKnowledgeTenantData();
await app.MigrateDatabaseAsync<KnowledgeDbContext>();
await app.RunAsync();
