using LlmLab.ServiceKit;

namespace LlmLab.Identity.Data;

internal sealed class DesignTimeFactory : PostgresDesignTimeFactory<IdentityDbContext>;
