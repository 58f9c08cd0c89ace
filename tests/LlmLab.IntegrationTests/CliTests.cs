using System.Text.Json;
using System.Xml.Linq;
using LlmLab.IntegrationTests.Platform;
using Xunit.Abstractions;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The <c>llmlab</c> CLI as CI runs it — a process against the real platform through the gateway — on the shipped
/// examples: a passing gate exits 0, a failing one 1 naming the check, the JUnit report parses; then status, export,
/// compare, an evaluation, datasets push, providers and login.
/// </summary>
[Collection(PlatformCollection.Name)]
public class CliTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static string Example(string name) => Path.Combine(AppHostProcess.RepoRoot, "examples", name);

    private async Task<(int Exit, string Out, string Err)> RunAsync(CliProcess cli, params string[] args)
    {
        var result = await cli.RunAsync(null, args);
        output.WriteLine($"llmlab {string.Join(' ', args)} → {result.Exit}\n{result.Out}\n{result.Err}");
        return result;
    }

    [Fact]
    public async Task Experiment_examples_exit_0_when_the_gate_passes_and_1_naming_the_failed_check_and_the_run_can_be_read_back()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(platform.CreateClient(), TimeSpan.FromMinutes(5));
        using var cli = new CliProcess(platform.GatewayUrl, CliTenant.Key);

        var (exit, stdout, stderr) = await RunAsync(cli, "run", Example("experiment-gate-pass.yaml"), "--output", "json");
        Assert.True(exit == 0, stderr);
        var first = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("completed", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(3, first.GetProperty("gate").GetProperty("checks").GetArrayLength());
        var rows = first.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["0.2", "1"], rows.Select(r => r.GetProperty("temperature").GetString()));
        Assert.All(rows, r => Assert.Equal("2", r.GetProperty("responses").GetString()));
        // Plain progress lines on stderr, since stdout is not a terminal.
        Assert.Contains("ci-example-rain-pass: completed 100% (4/4 done, 0 failed)", stderr, StringComparison.Ordinal);
        var firstRun = first.GetProperty("run_id").GetString()!;

        var junit = Path.Combine(cli.Directory, "gate.xml");
        (exit, _, stderr) = await RunAsync(cli, "run", Example("experiment-gate-fail.yaml"), "--output", "junit", "--output-file", junit);
        Assert.Equal(1, exit);
        Assert.Contains("gate failed: overall_score >= 101", stderr, StringComparison.Ordinal);
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("0", suite.Attribute("errors")!.Value);
        var failed = Assert.Single(suite.Elements("testcase"), c => c.Element("failure") is not null);
        Assert.Equal("overall_score >= 101", failed.Attribute("name")!.Value);
        Assert.Contains("below the minimum 101", failed.Element("failure")!.Attribute("message")!.Value, StringComparison.Ordinal);

        // The same file again reuses its experiment, so the two runs pair item by item.
        (exit, stdout, stderr) = await RunAsync(cli, "run", Example("experiment-gate-pass.yaml"), "--output", "json");
        Assert.True(exit == 0, stderr);
        var second = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(first.GetProperty("experiment_id").GetString(), second.GetProperty("experiment_id").GetString());
        var secondRun = second.GetProperty("run_id").GetString()!;

        (exit, stdout, stderr) = await RunAsync(cli, "compare", firstRun, secondRun, "--output", "json");
        Assert.True(exit == 0, stderr);
        Assert.Equal(4, JsonDocument.Parse(stdout).RootElement.GetProperty("pairs").GetInt32());

        (exit, stdout, stderr) = await RunAsync(cli, "status", secondRun, "--output", "json");
        Assert.True(exit == 0, stderr);
        var status = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("completed", status.GetProperty("status").GetProperty("status").GetString());
        Assert.True(status.GetProperty("gate").GetProperty("passed").GetBoolean());

        (exit, stdout, stderr) = await RunAsync(cli, "export", secondRun, "--format", "json");
        Assert.True(exit == 0, stderr);
        Assert.Equal(4, JsonDocument.Parse(stdout).RootElement.GetProperty("responses").GetArrayLength()); // 2 temperatures × 2 responses
        var csv = Path.Combine(cli.Directory, "run.csv");
        (exit, _, stderr) = await RunAsync(cli, "export", secondRun, "--format", "csv", "--output-file", csv);
        Assert.True(exit == 0, stderr);
        Assert.Contains("temperature", File.ReadLines(csv).First(), StringComparison.Ordinal);
        Assert.False(File.Exists(csv + ".partial"));

        (exit, _, stderr) = await RunAsync(cli, "status", Guid.NewGuid().ToString());
        Assert.Equal(3, exit);
        Assert.Contains("no run or evaluation with id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evaluation_example_passes_its_gate_per_method_and_datasets_providers_and_login_work()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(platform.CreateClient(), TimeSpan.FromMinutes(5));
        using var cli = new CliProcess(platform.GatewayUrl, CliTenant.Key);

        var (exit, stdout, stderr) = await RunAsync(cli, "run", Example("evaluation-arithmetic.yaml"), "--output", "markdown");
        Assert.True(exit == 0, stderr);
        Assert.Contains("### Gate: passed", stdout, StringComparison.Ordinal);
        Assert.Contains("| naive: failure_rate <= 0 | 0 | ✅ pass |", stdout, StringComparison.Ordinal);
        Assert.Contains("| cot: failure_rate <= 0 | 0 | ✅ pass |", stdout, StringComparison.Ordinal);
        Assert.Contains("| naive | 6 |", stdout, StringComparison.Ordinal);

        var items = Path.Combine(cli.Directory, "capitals.jsonl");
        await File.WriteAllTextAsync(items, "{\"id\":\"fr\",\"question\":\"Capital of France?\",\"answers\":[\"Paris\"]}\n");
        (exit, stdout, stderr) = await RunAsync(cli, "datasets", "push", items);
        Assert.True(exit == 0, stderr);
        Assert.Contains("pushed dataset capitals", stdout, StringComparison.Ordinal);
        Assert.Contains("version 1, 1 items", stdout, StringComparison.Ordinal);
        await File.AppendAllTextAsync(items, "{\"id\":\"jp\",\"question\":\"Capital of Japan?\",\"answers\":[\"Tokyo\"]}\n");
        (exit, stdout, _) = await RunAsync(cli, "datasets", "push", items);
        Assert.Equal((0, true), (exit, stdout.Contains("version 2, 2 items", StringComparison.Ordinal)));

        await File.WriteAllTextAsync(items, "{\"id\":\"x\",\"question\":\"\",\"answers\":[\"y\"]}\n");
        (exit, _, stderr) = await RunAsync(cli, "datasets", "push", items);
        Assert.Equal(2, exit);
        Assert.Contains("items[0].question", stderr, StringComparison.Ordinal);

        (exit, stdout, stderr) = await RunAsync(cli, "providers", "--output", "json");
        Assert.True(exit == 0, stderr);
        Assert.Contains(JsonDocument.Parse(stdout).RootElement.GetProperty("models").EnumerateArray(), m => m.GetProperty("provider").GetString() == "local");

        // Login stores URL and key (0600, never printed); without the environment, later commands use them.
        using var stored = new CliProcess(platform.GatewayUrl, apiKey: null);
        (exit, _, stderr) = await stored.RunAsync(null, "providers");
        Assert.Equal(2, exit);
        (exit, stdout, stderr) = await stored.RunAsync("wrong-key\n", "login", "--url", platform.GatewayUrl, "--api-key-stdin");
        Assert.Equal(3, exit);
        Assert.False(File.Exists(stored.SettingsPath));
        (exit, stdout, stderr) = await stored.RunAsync(CliTenant.Key + "\n", "login", "--url", platform.GatewayUrl, "--api-key-stdin");
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain(CliTenant.Key, stdout + stderr, StringComparison.Ordinal);
        Assert.Contains($"tenant {CliTenant.Tenant}", stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored.SettingsPath));
        (exit, stdout, stderr) = await stored.RunAsync(null, "providers");
        Assert.True(exit == 0, stderr);
        Assert.Contains("local", stdout, StringComparison.Ordinal);
    }
}
