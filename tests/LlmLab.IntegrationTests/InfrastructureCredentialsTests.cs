using System.Net.Sockets;
using System.Text;
using LlmLab.IntegrationTests.Platform;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The servers the AppHost starts accept only the data folder's generated credentials: no trust, no AUTH-less Redis,
/// no guest; the services run as Production with the platform keys, and nothing secret reaches the state file.
/// </summary>
[Collection(PlatformCollection.Name)]
public class InfrastructureCredentialsTests(PlatformFixture platform)
{
    private readonly PlatformSecretsFile _secrets = PlatformSecretsFile.Read(platform.DataDirectory);

    private int Port(string resource) => new Uri(platform.ReadState()!.Resource(resource).Url).Port;

    [Fact]
    public async Task Postgres_refuses_a_connection_without_the_password_or_with_a_wrong_one()
    {
        string ConnectionString(string? password) => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port("postgres"), Username = "postgres", Password = password, Database = "postgres", Pooling = false,
        }.ConnectionString;

        await using (var none = new NpgsqlConnection(ConnectionString(null)))
        {
            var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => none.OpenAsync());
            Assert.Contains("password", refused.Message, StringComparison.OrdinalIgnoreCase);
        }
        await using (var wrong = new NpgsqlConnection(ConnectionString("postgres")))
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => wrong.OpenAsync());
            Assert.Equal("28P01", refused.SqlState); // invalid_password
        }
        await using var right = new NpgsqlConnection(ConnectionString(_secrets.PostgresPassword));
        await right.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'", right);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Redis_refuses_commands_until_the_client_authenticates_with_the_password()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port("redis"));
        var stream = client.GetStream();
        async Task<string> SendAsync(string command)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            var buffer = new byte[512];
            return Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer));
        }

        Assert.StartsWith("-NOAUTH", await SendAsync("GET llmlab:anything"));
        Assert.StartsWith("-WRONGPASS", await SendAsync("AUTH not-the-password"));
        Assert.StartsWith("-NOAUTH", await SendAsync("PING"));
        Assert.Equal("+OK\r\n", await SendAsync($"AUTH {_secrets.RedisPassword}"));
        Assert.Equal("+PONG\r\n", await SendAsync("PING"));
    }

    [Fact]
    public async Task RabbitMq_refuses_guest_and_accepts_the_platforms_own_user()
    {
        var guest = new ConnectionFactory { HostName = "127.0.0.1", Port = Port("rabbitmq"), UserName = "guest", Password = "guest" };
        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => guest.CreateConnectionAsync());
        Assert.Contains(Flatten(refused), e => e is AuthenticationFailureException);

        var own = new ConnectionFactory { HostName = "127.0.0.1", Port = Port("rabbitmq"), UserName = _secrets.RabbitMqUser, Password = _secrets.RabbitMqPassword };
        await using var connection = await own.CreateConnectionAsync();
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public void Secrets_are_kept_owner_only_and_appear_neither_in_the_state_file_nor_in_any_log()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PlatformSecretsFile.PathIn(platform.DataDirectory)));
        var state = File.ReadAllText(Path.Combine(Path.GetDirectoryName(platform.DataDirectory)!, "apphost.json"));
        var output = File.ReadAllText(Path.Combine(Path.GetDirectoryName(platform.DataDirectory)!, "apphost.log"))
            + string.Concat(Directory.GetFiles(Path.Combine(platform.DataDirectory, "logs"), "*.log").Select(ReadShared));
        foreach (var secret in new[] { _secrets.PostgresPassword, _secrets.RedisPassword, _secrets.RabbitMqPassword, _secrets.InternalTokenKey, _secrets.KeyEncryptionKey })
        {
            Assert.DoesNotContain(secret, state, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("experiments")]
    [InlineData("batch")]
    [InlineData("llm-integration")]
    [InlineData("quality-analysis")]
    [InlineData("analytics")]
    public void Every_service_runs_as_Production_with_the_data_folders_platform_keys(string service)
    {
        var environment = new PlatformStores(platform).EnvironmentOf(service);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Production", environment["DOTNET_ENVIRONMENT"]);
        Assert.Equal(_secrets.InternalTokenKey, environment["Security__InternalTokenKey"]);
        Assert.Equal(_secrets.KeyEncryptionKey, environment["Security__KeyEncryptionKey"]);
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException) yield return e;
    }
}
