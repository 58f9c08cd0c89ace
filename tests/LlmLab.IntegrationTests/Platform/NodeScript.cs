using System.Diagnostics;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// Runs a Node script of web/ (with web's npm packages: playwright-core, the openai SDK) and returns its output; the
/// script exits non-zero on its first failed check, which fails the test with the whole log.
/// </summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string[] arguments, TimeSpan timeout)
    {
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
                throw new TimeoutException($"The script {arguments[0]} did not finish in {timeout.TotalMinutes:0} minutes:\n{await stdout}\n{await stderr}");
            }
        }
        var log = $"{await stdout}\n{await stderr}";
        Assert.True(node.ExitCode == 0, $"The script {arguments[0]} failed ({node.ExitCode}):\n{log}");
        return log;
    }
}
