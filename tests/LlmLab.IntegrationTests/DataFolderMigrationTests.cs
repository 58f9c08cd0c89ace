using System.Net;
using System.Security.Cryptography;
using System.Text;
using LlmLab.IntegrationTests.Platform;
using Npgsql;

namespace LlmLab.IntegrationTests;

/// <summary>
/// A data folder from before the AppHost generated credentials (PostgreSQL trusting loopback, no secrets.json, no
/// Redis or RabbitMQ credentials files) is migrated in place on its next start and keeps its data.
/// </summary>
public class DataFolderMigrationTests
{
    private const string ApiKey = "migration-test-key";

    /// <summary>What initdb --auth=trust wrote for the older AppHost.</summary>
    private const string TrustHba = """
        local   all             all                                     trust
        host    all             all             127.0.0.1/32            trust
        host    all             all             ::1/128                 trust

        """;

    [Fact]
    public async Task A_folder_whose_postgres_trusts_loopback_and_has_no_secrets_gets_passwords_and_keeps_its_experiments()
    {
        Guid experimentId;
        string oldPassword;
        // As the older AppHost ran: services in Development, no key-encryption key (the Data Protection ring in clear).
        var first = AppHostProcess.Start("migration", $"--AppHost:DevApiKey={ApiKey}", "--AppHost:Development=true",
            "--AppHost:ServiceEnvironment:Security__KeyEncryptionKey=");
        await using (first)
        {
            await first.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
            experimentId = await new PlatformApi(Client(first)).CreateExperimentAsync(PlatformApi.Grid3x3("from-before"));
            oldPassword = PlatformSecretsFile.Read(first.DataDirectory).PostgresPassword;
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromMinutes(2)));
        }

        // Back to how the older AppHost left a folder.
        File.WriteAllText(HbaPath(first.DataDirectory), TrustHba);
        File.Delete(PlatformSecretsFile.PathIn(first.DataDirectory));
        File.Delete(Path.Combine(first.DataDirectory, "redis", "llmlab-redis.conf"));
        File.Delete(Path.Combine(first.DataDirectory, "rabbitmq", "rabbitmq.conf"));
        File.Delete(Path.Combine(first.DataDirectory, "rabbitmq", "credentials-provisioned"));

        await using var second = AppHostProcess.StartAgain(first, $"--AppHost:DevApiKey={ApiKey}");
        await second.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
        Assert.Contains("postgres: this data folder allowed connections without a password", second.Output, StringComparison.Ordinal);

        var api = new PlatformApi(Client(second));
        var kept = await PlatformApi.ReadAsync(await api.Client.GetAsync($"/api/experiments/{experimentId}"), HttpStatusCode.OK);
        Assert.Equal("from-before", kept.GetProperty("name").GetString());
        var run = await api.GenerateAsync(experimentId);
        Assert.Equal("completed", (await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());

        var secrets = PlatformSecretsFile.Read(second.DataDirectory);
        Assert.NotEqual(oldPassword, secrets.PostgresPassword);
        Assert.DoesNotContain("trust", File.ReadAllText(HbaPath(second.DataDirectory)), StringComparison.Ordinal);
        var port = new Uri(second.ReadState()!.Resource("postgres").Url).Port;
        await using var withoutPassword = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => withoutPassword.OpenAsync());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(second.DataDirectory, "redis", "llmlab-redis.conf")));
    }

    private static HttpClient Client(AppHostProcess appHost)
    {
        var client = new HttpClient { BaseAddress = new Uri(appHost.GatewayUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>The data folder's postgres/, or (as root, when postgres cannot reach it) the AppHost's fallback under /var/lib/llmlab.</summary>
    private static string HbaPath(string dataDirectory)
    {
        var inFolder = Path.Combine(dataDirectory, "postgres", "pg_hba.conf");
        if (File.Exists(inFolder)) return inFolder;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..12].ToLowerInvariant();
        return Path.Combine("/var/lib/llmlab", hash, "postgres", "pg_hba.conf");
    }
}
