using LlmLab.AppHost.Infrastructure;

namespace LlmLab.UnitTests.AppHost;

public sealed class RabbitMqConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llmlab-rabbitmq-").FullName;

    [Fact]
    public void The_node_config_holds_the_credentials_owner_only_and_bounds_what_the_node_keeps_in_memory()
    {
        var credentials = new RabbitMqCredentials(_folder, "llmlab", "s3cret-hex");

        credentials.WriteConfig();

        var lines = File.ReadAllLines(credentials.ConfigFile).Select(l => l.Split(" = ", 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials.ConfigFile));
        Assert.Equal("llmlab", lines["default_user"]);
        Assert.Equal("s3cret-hex", lines["default_pass"]);
        Assert.Equal("true", lines["background_gc_enabled"]);
        Assert.Equal("10000", lines["background_gc_target_interval"]);
        Assert.Equal("2", lines["classic_queue.default_version"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
