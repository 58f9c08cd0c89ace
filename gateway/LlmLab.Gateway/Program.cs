using LlmLab.Gateway;
using LlmLab.Gateway.Audit;
using LlmLab.Gateway.Auth;
using LlmLab.Gateway.Authorization;
using LlmLab.Gateway.Health;
using LlmLab.Gateway.OpenApi;
using LlmLab.Gateway.RateLimits;
using LlmLab.Gateway.Routing;
using LlmLab.Gateway.Security;
using LlmLab.ServiceKit;
using Yarp.ReverseProxy.ServiceDiscovery;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceKit();
builder.AddCallerIdentity();
builder.AddGatewayCors();
builder.AddGatewayRateLimits();
builder.AddPlatformOpenApi();
builder.AddSpaCompression();
#pragma warning disable EXTEXP0001 // Health probes must answer within their own timeout, not be retried.
builder.Services.AddHttpClient(AggregateHealth.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddCallerIdentity().AddReplicaFailover();
builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseRequestIds();
app.UseUnsupportedMethodRefusal();
app.UseServiceKit(requireInternalIdentity: false);
app.UseSpaFiles();
app.UseCors();
app.MapDefaultEndpoints();
app.UseMiddleware<CallerAuthenticationMiddleware>();
app.UseMiddleware<PermissionMiddleware>();
app.UseGatewayRateLimits();
app.UseMiddleware<AuditMiddleware>();
app.MapAggregateHealth();
app.MapPlatformOpenApi();
app.MapProgressTokenApi();
app.MapStreamTokenApi();
app.MapReverseProxy(pipeline => pipeline.UseReplicaFailover());
app.MapSpaFallback();
await app.RunAsync();
