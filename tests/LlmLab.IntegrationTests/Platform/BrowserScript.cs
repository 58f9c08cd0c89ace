using System.Diagnostics;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// Runs one of web/e2e's Node scripts (playwright-core driving Debian's Chromium) and returns its output; the script
/// exits non-zero on its first failed check, which fails the test with the whole log.
/// </summary>
public static class BrowserScript
{
    public static string OutputFolder(string name)
    {
        var output = Path.Combine(AppHostProcess.RepoRoot, ".llmlab", "test-output", name);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        return output;
    }

    public static async Task<string> RunAsync(string[] arguments, TimeSpan timeout)
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing: `bash scripts/setup.sh --browser` installs Debian's chromium (scripts/test.sh does).");
        var info = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = Path.Combine(AppHostProcess.RepoRoot, "web"), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using (var limit = new CancellationTokenSource(timeout))
        {
            try
            {
                await node.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                node.Kill(entireProcessTree: true);
                throw new TimeoutException($"The browser test {arguments[0]} did not finish in {timeout.TotalMinutes:0} minutes:\n{await stdout}\n{await stderr}");
            }
        }
        var log = $"{await stdout}\n{await stderr}";
        Assert.True(node.ExitCode == 0, $"The browser test {arguments[0]} failed ({node.ExitCode}):\n{log}");
        return log;
    }

    public static void AssertScreenshots(string output, IEnumerable<string> names)
    {
        Assert.All(names, name =>
        {
            var file = new FileInfo(Path.Combine(output, name + ".png"));
            Assert.True(file.Exists && file.Length > 5_000, $"screenshot {name}.png is missing or empty");
        });
    }
}
