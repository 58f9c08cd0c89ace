using LlmLab.AppHost;
using LlmLab.AppHost.Model;
using LlmLab.AppHost.Processes;
using LlmLab.AppHost.Security;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.AppHost;

public sealed class ReplicaCountsTests
{
    private static readonly IEnumerable<string> Services = PlatformModel.Projects.Select(p => p.Name);

    [Fact]
    public void Pairs_separated_by_commas_give_counts_and_every_other_service_runs_once()
    {
        var counts = ReplicaCounts.Parse(" batch=2, llm-integration = 3 ", Services);

        Assert.Equal((2, 3, 1), (counts.Of("batch"), counts.Of("llm-integration"), counts.Of("experiments")));
        Assert.Equal(1, ReplicaCounts.Parse("", Services).Of("batch"));
    }

    [Theory]
    [InlineData("batch", "is not service=count")]
    [InlineData("=2", "is not service=count")]
    [InlineData("bach=2", "'bach' is not a service; services: analytics, batch,")]
    [InlineData("batch=0", "must be a whole number from 1 to 8, not '0'")]
    [InlineData("batch=9", "must be a whole number from 1 to 8, not '9'")]
    [InlineData("batch=two", "not 'two'")]
    [InlineData("batch=-1", "not '-1'")]
    [InlineData("batch=2,batch=3", "batch is given twice")]
    [InlineData("gateway=2", "gateway runs as one process")]
    public void A_bad_value_is_refused_naming_the_parameter_and_why(string text, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => ReplicaCounts.Parse(text, Services));
        Assert.StartsWith("--replicas: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knowledge_may_run_several_replicas_and_the_gateway_may_be_named_with_one()
    {
        var counts = ReplicaCounts.Parse("knowledge=2,gateway=1", Services);
        Assert.Equal((2, 1), (counts.Of("knowledge"), counts.Of("gateway")));
    }

    [Fact]
    public void The_command_line_form_and_the_setting_both_reach_the_launcher_options()
    {
        var fromArgument = LauncherSetup.Resolve(Configuration(["--replicas", "batch=2"]));
        var fromSetting = LauncherSetup.Resolve(Configuration(["--AppHost:Replicas=analytics=2"]));

        Assert.Equal(2, fromArgument.ReplicaCounts.Of("batch"));
        Assert.Equal(2, fromSetting.ReplicaCounts.Of("analytics"));
        Assert.Throws<ArgumentException>(() => LauncherSetup.Resolve(Configuration(["--replicas", "batch=100"])));
    }

    [Fact]
    public void Every_caller_is_given_every_replica_of_what_it_references_and_each_replica_its_own_data_folder()
    {
        var batch = PlatformModel.Projects.Single(p => p.Name == "batch");
        var all = PlatformModel.Projects.ToDictionary(p => p.Name, p => (IReadOnlyList<Endpoints>)(p.Name switch
        {
            "llm-integration" => [new Endpoints(7001, 7002), new Endpoints(7003, 7004)],
            "batch" => [new Endpoints(7101, null), new Endpoints(7102, null)],
            _ => [new Endpoints(7200, p.HasGrpcEndpoint ? 7201 : null)],
        }));
        var servers = new Dictionary<string, string> { ["postgres"] = "Host=x", ["redis"] = "r", ["rabbitmq"] = "amqp://x" };
        var options = new LauncherOptions { DataDirectory = "/data" };
        var secrets = new PlatformSecrets { InternalTokenKey = "k", KeyEncryptionKey = "e" };

        var second = ServiceEnvironment.For(batch, "batch-2", all["batch"][1], all, servers, secrets, options);

        Assert.Equal("http://127.0.0.1:7102", second["ASPNETCORE_URLS"]);
        Assert.Equal(Path.Combine("/data", "services", "batch-2"), second["Storage__DataDirectory"]);
        Assert.Equal("batch", second["OTEL_SERVICE_NAME"]);
        Assert.Equal(("http://127.0.0.1:7001", "http://127.0.0.1:7003"), (second["services__llm-integration__http__0"], second["services__llm-integration__http__1"]));
        Assert.Equal(("http://127.0.0.1:7002", "http://127.0.0.1:7004"), (second["services__llm-integration__grpc__0"], second["services__llm-integration__grpc__1"]));
        Assert.False(second.ContainsKey("services__experiments__http__1"));

        var gateway = PlatformModel.Projects.Single(p => p.Name == PlatformModel.Gateway);
        var routes = ServiceEnvironment.For(gateway, "gateway", all["gateway"][0], all, servers, secrets, options);
        Assert.Equal(("http://127.0.0.1:7101", "http://127.0.0.1:7102"), (routes["services__batch__http__0"], routes["services__batch__http__1"]));
    }

    private static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder().AddCommandLine(args).Build();
}
