using LlmLab.AppHost.Security;
using Npgsql;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>
/// Password authentication for the AppHost's PostgreSQL: pg_hba.conf with SCRAM-SHA-256 for every connection, and the
/// in-place migration of a data folder an older AppHost created with trust authentication.
/// </summary>
public static class PostgresAuthentication
{
    public const string SuperUser = "postgres";

    /// <summary>No trust line: TCP on loopback and the (disabled) Unix socket both need the password.</summary>
    public const string HbaContent = """
        # Written by the LLM Lab AppHost: every connection authenticates with the password in ../secrets.json.
        local   all             all                                     scram-sha-256
        host    all             all             127.0.0.1/32            scram-sha-256
        host    all             all             ::1/128                 scram-sha-256

        """;

    public static string HbaPath(string dataDirectory) => Path.Combine(dataDirectory, "pg_hba.conf");

    public static bool HbaIsCurrent(string dataDirectory) =>
        File.Exists(HbaPath(dataDirectory)) && File.ReadAllText(HbaPath(dataDirectory)) == HbaContent;

    /// <summary>Overwrites the file in place, so it keeps its owner (the postgres user when the AppHost runs as root).</summary>
    public static void WriteHba(string dataDirectory) => File.WriteAllText(HbaPath(dataDirectory), HbaContent);

    public static string ConnectionString(int port, string? password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = password,
            Pooling = false,
            Timeout = 10,
        }.ConnectionString;

    /// <summary>
    /// Sets the superuser's password while the old trust rule still lets us in (as a SCRAM verifier, so the password
    /// itself is never sent), then the caller rewrites pg_hba.conf and reloads. A folder whose password is already set
    /// (a migration interrupted after ALTER ROLE) only needs the new pg_hba.conf.
    /// </summary>
    public static async Task SetPasswordAsync(int port, string password, CancellationToken cancellationToken)
    {
        try
        {
            await using var trusted = new NpgsqlConnection(ConnectionString(port, null));
            await trusted.OpenAsync(cancellationToken);
            await using var alter = new NpgsqlCommand($"ALTER ROLE {SuperUser} PASSWORD '{PasswordVerifiers.PostgresScram(password)}'", trusted);
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            if (!await AcceptsAsync(port, password, cancellationToken))
                throw new InvalidOperationException(
                    $"PostgreSQL on port {port} accepts neither trust nor the password in {PlatformSecrets.FileName}: {ex.Message}", ex);
        }
    }

    public static async Task<bool> AcceptsAsync(int port, string? password, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString(port, password));
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
