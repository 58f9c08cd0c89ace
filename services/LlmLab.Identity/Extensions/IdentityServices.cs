using LlmLab.Identity.Data;
using LlmLab.Identity.TenantData;
using LlmLab.Messaging;
using LlmLab.ServiceKit;

namespace LlmLab.Identity.Extensions;

public static class IdentityServices
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<IdentityDbContext>("identitydb");
        builder.Services.AddGrpc();
        builder.AddOutbox<IdentityDbContext>();
        builder.AddMessaging();
        builder.Services.AddScoped<TenantEraser>();
        builder.Services.AddScoped<UserEraser>();
        // Sections stream as long as they need to; opening one is bounded by TenantSections itself.
        builder.Services.AddHttpClient<TenantSections>(c => c.Timeout = Timeout.InfiniteTimeSpan).WithoutStandardResilience();
        return builder;
    }
}
