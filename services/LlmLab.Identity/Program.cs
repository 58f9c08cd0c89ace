using LlmLab.Identity.Apis;
using LlmLab.Identity.Commands;
using LlmLab.Identity.Data;
using LlmLab.Identity.Extensions;
using LlmLab.Identity.Grpc;
using LlmLab.Identity.TenantData;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.OpenApi;

if (CreateAdminCommand.IsInvoked(args)) return await CreateAdminCommand.RunAsync(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddLlmLabOpenApi();
builder.AddIdentityServices();

var app = builder.Build();
app.UseServiceKit();
app.MapDefaultEndpoints();
app.MapLlmLabOpenApi();
app.MapGrpcService<IdentityGrpcService>();
app.MapMeApi();
app.MapKeysApi();
app.MapUsersApi();
app.MapOrganisationsApi();
app.MapAuditApi();
app.MapTenantDataApi();
app.MapUserDataApi();
await app.MigrateDatabaseAsync<IdentityDbContext>();
await app.RunAsync();
return 0;
