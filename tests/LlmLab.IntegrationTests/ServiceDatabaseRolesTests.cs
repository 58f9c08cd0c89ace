using LlmLab.IntegrationTests.Platform;
using Npgsql;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Each service logs in to PostgreSQL as its own role, which owns its database and nothing else: no superuser, no
/// CREATE DATABASE or ROLE, and another service's database refuses the connection. Checked with the connection strings
/// the running services were given.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ServiceDatabaseRolesTests(PlatformFixture platform)
{
    private static readonly string[] ServicesWithDatabases = ["identity", "experiments", "batch", "analytics", "knowledge", "evaluation", "training"];

    [Fact]
    public async Task Every_service_logs_in_as_its_own_unprivileged_role_that_reaches_only_its_database()
    {
        var stores = new PlatformStores(platform);
        var own = ServicesWithDatabases.ToDictionary(s => s, s => new NpgsqlConnectionStringBuilder(stores.EnvironmentOf(s)
            .Single(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Key.EndsWith("db", StringComparison.Ordinal)).Value));
        Assert.Equal(own.Count, own.Values.Select(b => b.Username).Distinct().Count());

        foreach (var (service, builder) in own)
        {
            Assert.NotEqual("postgres", builder.Username);
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            var privileges = await RowAsync(connection, "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user");
            Assert.Equal(new[] { false, false, false }, privileges);
            // It owns its tables (its migrations ran as it) and can read them.
            Assert.Equal(0L, await CountAsync(connection,
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user"));
            Assert.True(await CountAsync(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\"") > 0, $"{service} reads its migration history");
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"CREATE DATABASE stolen_{service.Replace('-', '_')}"));
            Assert.Equal("42501", refused.SqlState); // insufficient_privilege

            foreach (var (other, otherBuilder) in own.Where(o => o.Key != service))
            {
                var foreign = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = otherBuilder.Database, Pooling = false };
                await using var intruder = new NpgsqlConnection(foreign.ConnectionString);
                var denied = await Assert.ThrowsAsync<PostgresException>(() => intruder.OpenAsync());
                Assert.True(denied.SqlState == "42501", $"{service} opening {other}'s {otherBuilder.Database}: {denied.SqlState} {denied.MessageText}");
            }
        }
    }

    private static async Task<bool[]> RowAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetBoolean).ToArray();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
