using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LlmLab.ServiceKit;

/// <summary>Lets `dotnet ef migrations add` build a service's model without a running database.</summary>
public abstract class PostgresDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options)!;
}
