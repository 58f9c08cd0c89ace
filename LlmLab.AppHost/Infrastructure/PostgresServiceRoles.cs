using System.Security.Cryptography;
using System.Text;
using LlmLab.AppHost.Model;
using LlmLab.AppHost.Security;
using Npgsql;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>
/// One PostgreSQL login per service, owning only that service's databases: a service (or whoever reads its environment)
/// can neither connect to another service's database nor act as superuser. Each database is created owned by its
/// service's role, CONNECT is revoked from PUBLIC, and objects an older AppHost created as the superuser are handed over.
/// Passwords are derived from the folder's superuser password, so no further secret has to be stored.
/// </summary>
public static class PostgresServiceRoles
{
    public static string RoleOf(string service) => "llmlab_" + service.Replace('-', '_');

    public static string PasswordOf(string superUserPassword, string service) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(superUserPassword), Encoding.UTF8.GetBytes($"postgres-role:{service}")))[..48];

    /// <summary>Creates or updates every service's role and database; answers each database's connection string for its service.</summary>
    public static async Task<Dictionary<string, string>> EnsureAsync(string superUserConnectionString, string superUserPassword,
        IEnumerable<ProjectResource> services, CancellationToken cancellationToken)
    {
        var connectionStrings = new Dictionary<string, string>();
        foreach (var service in services.Where(s => s.Databases.Count > 0))
        {
            var role = RoleOf(service.Name);
            var password = PasswordOf(superUserPassword, service.Name);
            await EnsureRoleAsync(superUserConnectionString, role, password, cancellationToken);
            foreach (var database in service.Databases)
            {
                await EnsureDatabaseAsync(superUserConnectionString, database, role, cancellationToken);
                await HandOverObjectsAsync(superUserConnectionString, database, role, cancellationToken);
                connectionStrings[database] = new NpgsqlConnectionStringBuilder(superUserConnectionString)
                {
                    Username = role, Password = password, Database = database,
                }.ConnectionString;
            }
        }
        return connectionStrings;
    }

    private static async Task EnsureRoleAsync(string superUser, string role, string password, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(superUser, "postgres", cancellationToken);
        var exists = await ScalarAsync(connection, "SELECT count(*) FROM pg_roles WHERE rolname = @name", role, cancellationToken) > 0;
        // The SCRAM verifier, never the password, travels in the statement (and so never reaches the server's log).
        var verifier = PasswordVerifiers.PostgresScram(password);
        await ExecuteAsync(connection,
            $"{(exists ? "ALTER" : "CREATE")} ROLE {Quote(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '{verifier}'",
            cancellationToken);
    }

    private static async Task EnsureDatabaseAsync(string superUser, string database, string role, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(superUser, "postgres", cancellationToken);
        var exists = await ScalarAsync(connection, "SELECT count(*) FROM pg_database WHERE datname = @name", database, cancellationToken) > 0;
        await ExecuteAsync(connection, exists
            ? $"ALTER DATABASE {Quote(database)} OWNER TO {Quote(role)}"
            : $"CREATE DATABASE {Quote(database)} OWNER {Quote(role)} ENCODING 'UTF8'", cancellationToken);
        await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE {Quote(database)} FROM PUBLIC", cancellationToken);
    }

    /// <summary>
    /// Tables, views, sequences, routines and types in public that another role owns (a folder whose services connected
    /// as the superuser) go to the service's role, so its migrations can alter them. Idempotent: nothing to do next time.
    /// </summary>
    private static async Task HandOverObjectsAsync(string superUser, string database, string role, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(superUser, database, cancellationToken);
        var owner = Quote(role);
        await ExecuteAsync(connection, $"""
            ALTER SCHEMA public OWNER TO {owner};
            DO $$
            DECLARE o record;
            BEGIN
              -- Tables first: a sequence owned by a column moves with its table and cannot be moved on its own.
              FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> '{role}'::regrole
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
                       ORDER BY c.relkind = 'S'
              LOOP
                EXECUTE format('ALTER %s public.%I OWNER TO %I',
                  CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                 WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, o.relname, '{role}');
              END LOOP;
              FOR o IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = 'public' AND p.proowner <> '{role}'::regrole
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO %I', o.signature, '{role}');
              END LOOP;
              FOR o IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                       WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND t.typowner <> '{role}'::regrole
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER TYPE public.%I OWNER TO %I', o.typname, '{role}');
              END LOOP;
            END $$;
            """, cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string superUser, string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superUser) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Role and database names come from the platform model (letters, digits, underscores); quoted all the same.</summary>
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
