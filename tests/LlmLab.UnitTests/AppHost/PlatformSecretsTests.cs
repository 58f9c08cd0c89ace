using System.Text.Json;
using LlmLab.AppHost.Security;

namespace LlmLab.UnitTests.AppHost;

public sealed class PlatformSecretsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmlab-secrets-").FullName;

    [Fact]
    public void Secrets_are_generated_once_into_an_owner_only_file_and_reused()
    {
        var first = PlatformSecrets.LoadOrCreate(_folder);
        var path = PlatformSecrets.PathIn(_folder);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(48, first.PostgresPassword!.Length);
        Assert.Equal(32, Convert.FromBase64String(first.InternalTokenKey!).Length);
        Assert.Equal(32, Convert.FromBase64String(first.KeyEncryptionKey!).Length);
        Assert.Equal("llmlab", first.RabbitMqUser);
        Assert.Equal(6, new[] { first.PostgresPassword, first.RedisPassword, first.RabbitMqPassword, first.InternalTokenKey, first.KeyEncryptionKey, first.RabbitMqUser }.Distinct().Count());

        Assert.Equal(first, PlatformSecrets.LoadOrCreate(_folder));
    }

    [Fact]
    public void A_file_missing_a_secret_keeps_the_others_and_gains_the_missing_one()
    {
        File.WriteAllText(PlatformSecrets.PathIn(_folder), """{"postgres_password":"kept"}""");
        var secrets = PlatformSecrets.LoadOrCreate(_folder);
        Assert.Equal("kept", secrets.PostgresPassword);
        Assert.NotNull(secrets.KeyEncryptionKey);
        var stored = JsonDocument.Parse(File.ReadAllText(PlatformSecrets.PathIn(_folder))).RootElement;
        Assert.Equal(secrets.KeyEncryptionKey, stored.GetProperty("key_encryption_key").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PlatformSecrets.PathIn(_folder)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
