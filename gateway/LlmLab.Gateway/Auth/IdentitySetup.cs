using LlmLab.Contracts.Identity;
using LlmLab.Gateway.Audit;

namespace LlmLab.Gateway.Auth;

/// <summary>Who callers are (configuration keys, issued keys through identity, JWTs) and the audit trail of what they do.</summary>
public static class IdentitySetup
{
    public static IHostApplicationBuilder AddCallerIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ApiKeyOptions>(builder.Configuration.GetSection("Gateway"));
        builder.Services.AddOptions<IssuedKeyOptions>().Bind(builder.Configuration.GetSection("Gateway:IssuedKeys")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<BootstrapKeys>();
        builder.Services.AddSingleton<IssuedKeyAuthenticator>();
        builder.Services.AddSingleton<JwtAuthenticator>();
        builder.Services.AddSingleton<ProgressTokens>();
        builder.AddJwtValidation();
#pragma warning disable EXTEXP0001 // Each call has its own deadline; a caller waiting on retries is worse than a quick 503.
        builder.Services.AddGrpcClient<IdentityService.IdentityServiceClient>(o => o.Address = new Uri("http://_grpc.identity"))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<AuditQueue>();
        builder.Services.AddHostedService<AuditShipper>();
        builder.Services.AddSingleton<AuditJournal>();
        builder.Services.AddHostedService<AuditJournalShipper>();
        return builder;
    }
}
