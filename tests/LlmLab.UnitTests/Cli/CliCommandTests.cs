using System.Xml.Linq;
using LlmLab.Cli;
using LlmLab.Cli.Platform;

namespace LlmLab.UnitTests.Cli;

/// <summary>
/// The exit codes of <c>llmlab</c> against a fake gateway: 0 when the gate passes, 1 naming the failed check, 2 for a bad
/// file, command line or a refused request, 3 when the run fails or the gateway cannot be reached; login's settings file.
/// </summary>
public sealed class CliCommandTests : IAsyncLifetime
{
    private const string Experiment = """
        kind: experiment
        name: fake
        prompt: Explain rain.
        provider: PROVIDER
        grid: { temperature: 0.5, max_tokens: 20, response_count: 2 }
        gates: [overall_score >= 60]
        """;

    private readonly CliInvocation _cli = new();
    private FakeGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        _cli.Environment[Connection.UrlVariable] = _gateway.Url;
        _cli.Environment[Connection.KeyVariable] = FakeGateway.Key;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _cli.Dispose();
    }

    private string RunFile(string provider = "local") => _cli.Write("run.yaml", Experiment.Replace("PROVIDER", provider, StringComparison.Ordinal));

    [Fact]
    public async Task A_passing_gate_exits_0_after_waiting_for_the_gate_and_prints_the_results()
    {
        var (exit, output, error) = await _cli.RunAsync("run", RunFile());
        Assert.True(exit == ExitCodes.Passed, error);
        Assert.Contains("fake: running 50% (1/2 done, 0 failed)", error, StringComparison.Ordinal);
        Assert.Contains("65", output, StringComparison.Ordinal); // the mean overall_score of the combination
        Assert.Contains("overall_score >= 60", output, StringComparison.Ordinal);
        Assert.Equal(2, _gateway.Calls.Count(c => c.StartsWith("GET /api/runs/", StringComparison.Ordinal)));
        Assert.Contains("PUT /api/experiments/", _gateway.Calls.Single(c => c.EndsWith("/gates", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_gate_exits_1_naming_the_check_and_the_junit_file_records_the_failure()
    {
        _gateway.GatePasses = false;
        var junit = Path.Combine(_cli.Directory, "report.xml");
        var (exit, _, error) = await _cli.RunAsync("run", RunFile(), "--output", "junit", "--output-file", junit);
        Assert.Equal(ExitCodes.GateFailed, exit);
        Assert.Contains("gate failed: overall_score >= 60 (55 is below the minimum 60.)", error, StringComparison.Ordinal);
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("failures")!.Value);
    }

    [Fact]
    public async Task A_failed_run_exits_3()
    {
        _gateway.FinalStatus = "failed";
        var (exit, _, error) = await _cli.RunAsync("run", RunFile(), "--output", "json");
        Assert.Equal(ExitCodes.PlatformOrRun, exit);
        Assert.Contains("ended failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_gateway.Calls, c => c.StartsWith("GET /api/runs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_the_platform_refuses_exits_2_naming_the_field()
    {
        var (exit, _, error) = await _cli.RunAsync("run", RunFile(provider: "nope"));
        Assert.Equal(ExitCodes.UsageOrConfig, exit);
        Assert.Contains("provider: 'nope' is not configured.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_gateway.Calls, c => c.StartsWith("POST /api/responses", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "a.yaml", "--output", "xml")]
    [InlineData("export", "not-a-guid")]
    [InlineData("launch")]
    public async Task A_bad_command_line_exits_2(params string[] args) =>
        Assert.Equal(ExitCodes.UsageOrConfig, (await _cli.RunAsync(args)).Exit);

    [Fact]
    public async Task A_bad_run_file_exits_2_without_calling_the_platform()
    {
        var (exit, _, error) = await _cli.RunAsync("run", _cli.Write("bad.yaml", "kind: experiment\nname: x\n"));
        Assert.Equal(ExitCodes.UsageOrConfig, exit);
        Assert.Contains("bad.yaml:1:1: prompt: is required", error, StringComparison.Ordinal);
        Assert.Empty(_gateway.Calls);
    }

    [Fact]
    public async Task An_unreachable_gateway_exits_3_and_a_missing_url_exits_2()
    {
        _cli.Environment[Connection.UrlVariable] = "http://127.0.0.1:9";
        Assert.Equal(ExitCodes.PlatformOrRun, (await _cli.RunAsync("run", RunFile())).Exit);
        _cli.Environment.Remove(Connection.UrlVariable);
        var (exit, _, error) = await _cli.RunAsync("run", RunFile());
        Assert.Equal(ExitCodes.UsageOrConfig, exit);
        Assert.Contains("no gateway URL: set LLMLAB_URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_checks_the_key_and_stores_it_owner_only_without_printing_it()
    {
        _cli.Environment.Clear();
        _cli.Stdin = "wrong-key\n";
        Assert.Equal(ExitCodes.PlatformOrRun, (await _cli.RunAsync("login", "--url", _gateway.Url, "--api-key-stdin")).Exit);
        Assert.False(File.Exists(_cli.SettingsPath));

        _cli.Stdin = FakeGateway.Key + "\n";
        var (exit, output, error) = await _cli.RunAsync("login", "--url", _gateway.Url, "--api-key-stdin");
        Assert.True(exit == ExitCodes.Passed, error);
        Assert.DoesNotContain(FakeGateway.Key, output + error, StringComparison.Ordinal);
        Assert.Contains("as key:ci (tenant dev, role admin)", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.SettingsPath));

        // Later commands use the stored settings; the environment overrides them.
        Assert.Equal(ExitCodes.Passed, (await _cli.RunAsync("run", RunFile())).Exit);
        _cli.Environment[Connection.KeyVariable] = "other-key";
        Assert.Equal(ExitCodes.PlatformOrRun, (await _cli.RunAsync("run", RunFile())).Exit);
    }
}
