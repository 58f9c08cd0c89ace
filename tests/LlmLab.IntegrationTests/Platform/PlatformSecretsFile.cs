using System.Text.Json;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>The data folder's secrets.json, which the AppHost writes (mode 0600) and the tests read to log in as the services do.</summary>
public sealed record PlatformSecretsFile(
    string PostgresPassword, string RedisPassword, string RabbitMqUser, string RabbitMqPassword, string InternalTokenKey, string KeyEncryptionKey)
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "secrets.json");

    public static PlatformSecretsFile Read(string dataDirectory) =>
        JsonSerializer.Deserialize<PlatformSecretsFile>(File.ReadAllText(PathIn(dataDirectory)), PlatformState.Json)!;
}
