using LlmLab.Identity.Data;
using LlmLab.ServiceKit;

namespace LlmLab.Identity.Extensions;

public static class IdentityServices
{
    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgresDbContext<IdentityDbContext>("identitydb");
        builder.Services.AddGrpc();
        return builder;
    }
}
