using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmLab.ServiceKit;

/// <summary>Registers a service's DbContext on PostgreSQL and applies its migrations at start.</summary>
public static class DatabaseMigration
{
    public static IHostApplicationBuilder AddPostgresDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var configured = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        // No service keeps session state (temporary tables, SET) on a pooled connection, so the DISCARD ALL Npgsql sends
        // on every return to the pool is a round trip per unit of work for nothing; a connection string may still ask for it.
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)) settings.NoResetOnClose = true;
        // Each pooled connection is a PostgreSQL backend of its own memory (≈ 5 MiB under load); Database:MaxPoolSize caps
        // a service's share where its connection string does not say (docs/operations.md, "Memory").
        if (!configured.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) && builder.Configuration.GetValue<int?>("Database:MaxPoolSize") is { } maxPool)
            settings.MaxPoolSize = maxPool;
        // Statements a connection sends again and again (a chunk's inserts, the counters' update) are prepared once per
        // connection instead of parsed and planned on every execution (Database:MaxAutoPrepare, 0 turns it off);
        // a connection string that says Max Auto Prepare wins.
        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            settings.MaxAutoPrepare = MaxAutoPrepare(builder.Configuration);
        var connectionString = settings.ConnectionString;
        // Retries transient failures, including a restarted server's "terminating connection" (57P01..57P03) on a pooled
        // connection: PostgreSQL restarting does not clear Npgsql's pool, so the first use of each old connection fails.
        builder.Services.AddDbContext<TContext>(o => o
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(6, TimeSpan.FromSeconds(5), ["57P01", "57P02", "57P03"]))
            .UseSnakeCaseNamingConvention());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>(connectionName, tags: ["ready"]);
        return builder;
    }

    private static int MaxAutoPrepare(IConfiguration configuration)
    {
        var statements = configuration.GetValue("Database:MaxAutoPrepare", 0);
        return statements >= 0 ? statements
            : throw new InvalidOperationException($"Database:MaxAutoPrepare must be 0 (off) or a number of statements per connection, not {statements}.");
    }

    /// <summary>Applies pending migrations, waiting for the database for up to a minute (it may still be starting).</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("LlmLab.Migrations");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database of {Context} is up to date", typeof(TContext).Name);
                return;
            }
            catch (Npgsql.NpgsqlException ex) when (DateTime.UtcNow < deadline)
            {
                logger.LogWarning("Database not reachable yet ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
