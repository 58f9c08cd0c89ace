using System.Diagnostics;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The web app in real headless Chromium (Debian's package, driven by playwright-core from web/e2e/run.mjs) against the
/// platform these tests started: create an experiment in the UI, run a batch to 100%, open the analysis, export CSV
/// and check the file, and a screenshot of every page under .llmlab/test-output/web/.
/// </summary>
[Collection(PlatformCollection.Name)]
public class WebAppTests(PlatformFixture platform)
{
    private static readonly string[] Screenshots =
    [
        "settings", "dashboard", "experiment-form-error", "experiments", "batch-builder", "batch-analysis", "response-drawer",
        "playground", "compare", "quality-metrics", "models", "admin", "dashboard-390px",
    ];

    [Fact]
    public async Task The_web_app_creates_an_experiment_runs_a_batch_to_100_percent_and_exports_its_csv_in_chromium()
    {
        var web = Path.Combine(AppHostProcess.RepoRoot, "web");
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "web/dist is missing: build it with `bash scripts/web.sh build` (scripts/test.sh does).");
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing: `bash scripts/setup.sh --browser` installs Debian's chromium (scripts/test.sh does).");
        var output = Path.Combine(AppHostProcess.RepoRoot, ".llmlab", "test-output", "web");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);

        var info = new ProcessStartInfo("node", ["e2e/run.mjs", platform.GatewayUrl, PlatformFixture.ApiKey, output])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6)))
        {
            try
            {
                await node.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                node.Kill(entireProcessTree: true);
                throw new TimeoutException($"The browser test did not finish in 6 minutes:\n{await stdout}\n{await stderr}");
            }
        }
        var log = $"{await stdout}\n{await stderr}";

        Assert.True(node.ExitCode == 0, $"The browser test failed ({node.ExitCode}):\n{log}");
        Assert.Contains("progress reached 100%", log, StringComparison.Ordinal);
        Assert.Contains("CSV export checked: header and 12 rows", log, StringComparison.Ordinal);
        Assert.Contains("admin: key issued in the UI worked, was revoked and refused; user added", log, StringComparison.Ordinal);
        Assert.All(Screenshots, name =>
        {
            var file = new FileInfo(Path.Combine(output, name + ".png"));
            Assert.True(file.Exists && file.Length > 5_000, $"screenshot {name}.png is missing or empty");
        });
        var csv = await File.ReadAllLinesAsync(Path.Combine(output, "batch-export.csv"));
        Assert.StartsWith("response_id,", csv[0], StringComparison.Ordinal);
        Assert.Equal(13, csv.Count(line => line.Length > 0));
    }
}
